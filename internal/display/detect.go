package display

// Env is what Choose needs to know about the terminal.
type Env struct {
	Getenv func(string) string
	// ConsoleCodePage is the Windows console output code page; 0 elsewhere.
	ConsoleCodePage uint32
	Windows         bool
}

// cjkCodePages draw ambiguous-width characters two cells wide in the
// classic console: Simplified Chinese, Japanese, Korean, Traditional Chinese.
var cjkCodePages = map[uint32]bool{936: true, 54936: true, 932: true, 949: true, 950: true}

// Choose picks the set for theme ("auto", "unicode" or "plain"). Auto means
// plain on the classic Windows console with a CJK code page and on a dumb
// terminal, Unicode elsewhere; Windows Terminal (WT_SESSION) draws them
// one cell wide like everyone else.
func Choose(theme string, env Env) Set {
	if set, ok := Named(theme); ok {
		return set
	}
	if env.Getenv("TERM") == "dumb" {
		return Plain
	}
	if env.Windows && env.Getenv("WT_SESSION") == "" && cjkCodePages[env.ConsoleCodePage] {
		return Plain
	}
	return Unicode
}
