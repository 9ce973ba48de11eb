// Package collect gathers the logs a support engineer asks for and packs
// them into one zip: the seven categories of the vendor's collector, each
// filled by collectors that are data (a command, file globs, a registry
// key or an event log), run concurrently under deadlines and size caps.
//
// It may import the platform layer and the text and file helpers; never checks, steps or ui.
package collect

import "actwiz/internal/i18n"

// Category is one checkbox of the vendor's collector.
type Category struct {
	ID   string
	Name i18n.Text
}

// Categories are the seven boxes of the case, in the case's order and words.
var Categories = []Category{
	{ID: "group-policy", Name: i18n.T("组策略信息", "Group policy")},
	{ID: "network", Name: i18n.T("网络信息", "Network")},
	{ID: "system-log", Name: i18n.T("系统日志", "System log")},
	{ID: "software", Name: i18n.T("软件信息", "Installed software")},
	{ID: "processes", Name: i18n.T("系统进程", "Processes")},
	{ID: "activation-log", Name: i18n.T("激活日志", "Activation log")},
	{ID: "upgrade-log", Name: i18n.T("升级日志", "Upgrade log")},
}

// CategoryIDs lists the category ids in order.
func CategoryIDs() []string {
	ids := make([]string, len(Categories))
	for i, c := range Categories {
		ids[i] = c.ID
	}
	return ids
}

// LookupCategory finds a category by id.
func LookupCategory(id string) (Category, bool) {
	for _, c := range Categories {
		if c.ID == id {
			return c, true
		}
	}
	return Category{}, false
}

// folder is the category's folder in the zip: the id for scripts and the
// Chinese name the support engineer knows from the vendor's collector.
func (c Category) folder() string { return c.ID + "-" + c.Name.ZH }
