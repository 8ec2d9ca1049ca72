package repl

import (
	"fmt"
	"time"
)

// Words of the REPL's catalogue (messages.go) that concur's other commands
// show too, in the learner's language.

// CutNote is the line that tells, in lang ("en" or "zh"), that a quiet gap
// was cut short: "⋯ 59m58s later".
func CutNote(lang string, left time.Duration) string {
	return fmt.Sprintf(catalog(lang).cutGap, FormatGap(left))
}

// ExportOntoInput is the refusal, in lang, to write an export over the
// session file it reads.
func ExportOntoInput(lang, path string) string {
	return fmt.Sprintf(catalog(lang).exportOntoInput, path)
}

// ReplayKeys says, in lang, which keys work while a replay plays.
func ReplayKeys(lang string) string { return catalog(lang).replayKeys }
