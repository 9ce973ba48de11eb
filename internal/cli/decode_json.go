package cli

import (
	"encoding/json"

	"actwiz/checks"
	"actwiz/internal/report/supportcode"
)

// writeDecodeJSON prints actwiz.decode/v1 for the agent's own tools: the
// code, its catalogue version and every check's status ("not_run" for a
// check the machine did not run). The exit status is decode's.
func writeDecodeJSON(app *App, code string, version int, entries []supportcode.Entry) (int, error) {
	type check struct {
		ID     string `json:"id"`
		Title  string `json:"title"`
		Status string `json:"status"`
	}
	doc := struct {
		Schema    string  `json:"schema"`
		Code      string  `json:"code"`
		Catalogue int     `json:"catalogue_version"`
		Checks    []check `json:"checks"`
	}{Schema: "actwiz.decode/v1", Code: code, Catalogue: version, Checks: []check{}}
	var results []checks.Result
	for _, e := range entries {
		title := ""
		if def, ok := checks.Lookup(e.ID); ok {
			title = def.Title.In(app.Lang)
		}
		status := string(e.Status)
		if e.Status == supportcode.NotRun {
			status = "not_run"
		} else {
			results = append(results, checks.Result{ID: e.ID, Status: e.Status})
		}
		doc.Checks = append(doc.Checks, check{ID: e.ID, Title: title, Status: status})
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return 0, err
	}
	if err := writeJSON(app, append(data, '\n')); err != nil {
		return 0, err
	}
	return checks.ExitCode(results), nil
}
