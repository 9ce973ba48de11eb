package cli

import (
	"github.com/spf13/pflag"

	"actwiz/internal/files"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
	"actwiz/internal/report"
	"actwiz/steps"
)

// saveFlag is --save [DIR]: given alone it saves where the wizard does
// (report.dir, else the Desktop), given a folder it saves there.
type saveFlag struct{ dir string }

// useConfigured is the flag's value when given without a folder; help
// shows it, so it says where the report goes.
const useConfigured = "(report.dir)"

var (
	msgReportSaved = i18n.T("报告已保存到 %s。", "Report saved to %s.")
	msgSaveFailed  = i18n.T("报告无法保存到文件夹 %s：%v。", "The report could not be saved in the folder %s: %v.")
)

func (s *saveFlag) add(fs *pflag.FlagSet) {
	fs.StringVar(&s.dir, "save", "", "also save the JSON report as <host>_<YYYYMMDD-HHMMSS>.json in DIR; alone, in the report.dir folder")
	fs.Lookup("save").NoOptDefVal = useConfigured
	metavar(fs, "save", "DIR")
}

// takeFolder lets "--save DIR" work as well as "--save=DIR": the flag
// parser reads a bare --save as "use the configured folder" and leaves DIR
// among the arguments.
func (s *saveFlag) takeFolder(args []string) []string {
	if s.dir == useConfigured && len(args) == 1 {
		s.dir = args[0]
		return nil
	}
	return args
}

// folder is where the report goes, or "" when --save was not given.
func (s *saveFlag) folder(app *App) (string, error) {
	switch s.dir {
	case "":
		return "", nil
	case useConfigured:
		return files.OrDesktop(app.Config.Report.Dir)
	}
	return s.dir, nil
}

// save writes the report if asked to and says where on stderr, so stdout
// keeps only the report itself.
func (s *saveFlag) save(app *App, rep report.Report) error {
	dir, err := s.folder(app)
	if err != nil || dir == "" {
		return err
	}
	path, err := report.Save(dir, rep)
	if err != nil {
		return inputError{msgSaveFailed.F(steps.EscapePath(dir), files.Reason(err))}
	}
	fmtLine(app.Stderr, msgReportSaved.F(machinetext.Escape(path)).In(app.Lang))
	return nil
}
