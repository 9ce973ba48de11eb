// Package userdirs finds the user's folders actwiz leaves files in. The
// report and the log package both go to the Desktop by default, because
// that is where the vendor's own collector put its zip and where support
// tells people to look.
package userdirs

// OrDesktop returns dir when it is set, else the user's Desktop.
func OrDesktop(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return Desktop()
}
