package files

// OrDesktop returns dir when it is set, else the user's Desktop.
func OrDesktop(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return Desktop()
}
