package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/ergochat/readline"
	"golang.org/x/term"
)

// plainSource reads inputs from any reader, without prompts: `concur < notes.go`.
type plainSource struct {
	r       *bufio.Reader
	history []string
}

// NewPlainSource returns a LineSource for piped or redirected input.
func NewPlainSource(r io.Reader) LineSource { return &plainSource{r: bufio.NewReader(r)} }

func (p *plainSource) ReadLine(string) (string, error) {
	line, err := p.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

func (p *plainSource) AddHistory(in string)  { p.history = append(p.history, in) }
func (p *plainSource) History() []string     { return p.history }
func (p *plainSource) Interactive() bool     { return false }
func (p *plainSource) Skip() <-chan struct{} { return nil }
func (p *plainSource) Close() error          { return nil }

// terminalSource reads inputs with readline on a terminal, keeping history
// in a file.
//
// One goroutine reads the terminal, always (readline must not be the only
// reader: between prompts a lone Enter skips the playback of a run, and
// readline would queue it as an empty input instead). Bytes typed at a
// prompt, or ahead of the next one, go on to readline through a pipe.
//
// Pastes: the terminal is put in bracketed paste mode, and the same
// goroutine takes each paste out of the stream. A paste that holds a line
// break (or another control character) is one input with the line it was
// pasted into: readline is sent pasteRune, which its input filter turns into
// Enter, so Readline returns the text typed before the paste, and ReadLine
// adds the paste to it, all its lines, blank ones included. A paste without
// one is typed into the line as it is.
type terminalSource struct {
	rl          *readline.Instance
	historyPath string
	history     []string
	warned      bool
	errw        io.Writer
	out         *os.File // the terminal, for the echo of pastes

	reading atomic.Bool // inside Readline: every byte is readline's
	skip    chan struct{}
	pipeW   *io.PipeWriter
	once    sync.Once

	pastes  chan string  // whole pastes, in order; each announced by a pasteRune
	pending atomic.Int32 // pasteRunes readline has taken for Enter since ReadLine began
}

// pasteRune stands for "a paste is here" in what readline reads: a
// private-use character no keyboard sends.
const pasteRune = '\U0010FFFD'

// filterRune is readline's input filter: it turns pasteRune into Enter.
func (t *terminalSource) filterRune(r rune) (rune, bool) {
	if r == pasteRune {
		t.pending.Add(1)
		return readline.CharEnter, true
	}
	return r, true
}

// NewTerminalSource returns a LineSource for a person at a terminal.
// complete (may be nil) offers Tab completions.
func NewTerminalSource(historyPath string, complete readline.AutoCompleter, errw io.Writer) (LineSource, error) {
	pr, pw := io.Pipe()
	t := &terminalSource{historyPath: historyPath, errw: errw, out: os.Stdout,
		skip: make(chan struct{}, 1), pipeW: pw, pastes: make(chan string, 16)}
	rl, err := readline.NewFromConfig(&readline.Config{
		Prompt:                 "> ",
		DisableAutoSaveHistory: true,
		HistoryLimit:           historyLimit,
		HistorySearchFold:      true,
		AutoComplete:           complete,
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
		Stdin:                  pr,
		FuncFilterInputRune:    t.filterRune,
	})
	if err != nil {
		return nil, err
	}
	t.rl = rl
	t.out.WriteString(pasteOn)
	go t.pump(os.Stdin)
	if historyPath != "" {
		entries, err := loadHistory(historyPath)
		if err != nil {
			fmt.Fprintf(errw, "concur: history %s: %v (starting without it)\n", historyPath, err)
		}
		for _, e := range entries {
			rl.SaveToHistory(e)
		}
	}
	return t, nil
}

// pump copies the terminal to readline, taking out a lone line break typed
// while no prompt is shown (that asks to skip the playback of a run) and
// whole pastes (see terminalSource).
func (t *terminalSource) pump(r io.Reader) {
	buf := make([]byte, 4096)
	var scan pasteScanner
	for {
		n, err := r.Read(buf)
		for _, p := range scan.feed(buf[:n]) {
			var werr error
			switch {
			case !p.isPaste && !t.reading.Load() && strings.Trim(string(p.typed), "\r\n") == "":
				select {
				case t.skip <- struct{}{}:
				default:
				}
			case !p.isPaste:
				_, werr = t.pipeW.Write(p.typed)
			case !wholePaste(p.paste):
				_, werr = t.pipeW.Write([]byte(p.paste))
			default:
				t.pastes <- p.paste
				_, werr = t.pipeW.Write([]byte(string(pasteRune)))
			}
			if werr != nil {
				return
			}
		}
		if err != nil {
			t.pipeW.CloseWithError(err)
			return
		}
	}
}

func (t *terminalSource) ReadLine(prompt string) (string, error) {
	// A skip request left over from a run that had already ended means nothing now.
	select {
	case <-t.skip:
	default:
	}
	t.rl.SetPrompt(prompt)
	t.reading.Store(true)
	line, err := t.rl.Readline()
	t.reading.Store(false)
	var paste string
	for n := t.pending.Swap(0); n > 0; n-- {
		paste += <-t.pastes
	}
	if errors.Is(err, readline.ErrInterrupt) {
		return "", ErrInterrupt
	}
	if err == nil && paste != "" {
		paste = strings.TrimRight(paste, "\n")
		t.echoPaste(prompt, line, paste)
		line += paste
	}
	return line, err
}

// echoPaste shows a paste as if it had been typed: its first line after the
// text typed before it, on the prompt's row (which readline has just ended),
// each further line after a continuation prompt.
func (t *terminalSource) echoPaste(prompt, typed, paste string) {
	var b strings.Builder
	width, _, err := term.GetSize(int(t.out.Fd()))
	if col := runeCells(prompt + typed); err == nil && col < width {
		fmt.Fprintf(&b, "\x1b[A\x1b[%dG", col+1) // back to where the typed text ended
	} else {
		b.WriteString(Continuation)
	}
	for i, line := range strings.Split(paste, "\n") {
		if i > 0 {
			b.WriteString("\r\n" + Continuation)
		}
		b.WriteString(Visible(line))
	}
	b.WriteString("\x1b[K\r\n")
	t.out.WriteString(b.String())
}

func (t *terminalSource) AddHistory(in string) {
	entry := oneLine(in)
	t.history = append(t.history, in)
	t.rl.SaveToHistory(entry)
	if t.historyPath == "" {
		return
	}
	if err := appendHistory(t.historyPath, entry); err != nil && !t.warned {
		t.warned = true
		fmt.Fprintf(t.errw, "concur: cannot save history to %s: %v\n", t.historyPath, err)
	}
}

func (t *terminalSource) History() []string     { return t.history }
func (t *terminalSource) Interactive() bool     { return true }
func (t *terminalSource) Skip() <-chan struct{} { return t.skip }

// Stdout is a writer for output shown while a prompt may be up: readline
// redraws the prompt under it instead of writing into the line.
func (t *terminalSource) Stdout() io.Writer { return t.rl.Stdout() }
func (t *terminalSource) Stderr() io.Writer { return t.rl.Stderr() }

func (t *terminalSource) Close() error {
	var err error
	t.once.Do(func() {
		err = t.rl.Close()
		t.out.WriteString(pasteOff)
	})
	return err
}
