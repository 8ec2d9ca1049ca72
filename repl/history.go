package repl

import (
	"bufio"
	"errors"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// HistoryPath is where the REPL keeps its history:
// $XDG_STATE_HOME/concur/history, or ~/.local/state/concur/history.
func HistoryPath() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "concur", "history"), nil
}

// historyLimit is how many entries the history file keeps.
const historyLimit = 1000

// loadHistory reads the history file: one entry per line, each a Go input
// folded onto one line (see oneLine). A missing file is an empty history.
func loadHistory(path string) ([]string, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var entries []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := sc.Text(); strings.TrimSpace(line) != "" {
			entries = append(entries, line)
		}
	}
	if len(entries) > historyLimit {
		entries = entries[len(entries)-historyLimit:]
	}
	return entries, sc.Err()
}

// appendHistory adds one entry to the history file, creating its folder.
func appendHistory(path, entry string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(entry + "\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// oneLine folds a multi-line Go input onto one line that means the same, so
// that it is one history entry, recalled and edited as one line: a newline
// where Go inserts a semicolon becomes "; ", any other line break a space,
// a // comment a /* */ one, and a raw string spanning lines an interpreted
// string. An input the scanner cannot read has its line breaks made spaces.
func oneLine(src string) string {
	if !strings.Contains(src, "\n") {
		return src
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	failed := false
	s.Init(file, []byte(src), func(token.Position, string) { failed = true }, scanner.ScanComments)
	var b strings.Builder
	prev := 0 // end of the previous token in src
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.SEMICOLON && lit == "\n" {
			b.WriteString(";")
			continue
		}
		gap := src[prev:off]
		if strings.Contains(gap, "\n") {
			gap = " "
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		end := off + len(text)
		switch {
		case tok == token.COMMENT && strings.HasPrefix(text, "//"):
			text = "/*" + strings.TrimRight(text[2:], "\r") + " */"
			if strings.Contains(text[2:len(text)-2], "*/") {
				text = ""
			}
		case tok == token.COMMENT:
			text = strings.ReplaceAll(text, "\n", " ")
		case tok == token.STRING && strings.HasPrefix(text, "`") && strings.Contains(text, "\n"):
			text = strconv.Quote(strings.ReplaceAll(text[1:len(text)-1], "\r", ""))
		}
		b.WriteString(gap)
		b.WriteString(text)
		prev = end
	}
	if failed {
		return strings.Join(strings.Fields(src), " ")
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(b.String()), ";"))
}
