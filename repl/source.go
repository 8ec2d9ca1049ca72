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
type terminalSource struct {
	rl          *readline.Instance
	historyPath string
	history     []string
	warned      bool
	errw        io.Writer

	reading atomic.Bool // inside Readline: every byte is readline's
	skip    chan struct{}
	pipeW   *io.PipeWriter
	once    sync.Once
}

// NewTerminalSource returns a LineSource for a person at a terminal.
// complete (may be nil) offers Tab completions.
func NewTerminalSource(historyPath string, complete readline.AutoCompleter, errw io.Writer) (LineSource, error) {
	pr, pw := io.Pipe()
	t := &terminalSource{historyPath: historyPath, errw: errw, skip: make(chan struct{}, 1), pipeW: pw}
	rl, err := readline.NewEx(&readline.Config{
		Prompt:                 "> ",
		DisableAutoSaveHistory: true,
		HistoryLimit:           historyLimit,
		HistorySearchFold:      true,
		AutoComplete:           complete,
		InterruptPrompt:        "^C",
		EOFPrompt:              "",
		Stdin:                  pr,
	})
	if err != nil {
		return nil, err
	}
	t.rl = rl
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
// while no prompt is shown: that asks to skip the playback of a run.
func (t *terminalSource) pump(r io.Reader) {
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			if !t.reading.Load() && strings.Trim(string(chunk), "\r\n") == "" {
				select {
				case t.skip <- struct{}{}:
				default:
				}
			} else if _, werr := t.pipeW.Write(chunk); werr != nil {
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
	if errors.Is(err, readline.ErrInterrupt) {
		return "", ErrInterrupt
	}
	return line, err
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
	t.once.Do(func() { err = t.rl.Close() })
	return err
}
