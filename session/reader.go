package session

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"

	"github.com/concur-dev/concur/event"
)

// Open reads the session file at path; see Read.
func Open(path string) (*Session, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f)
}

// lineError is a problem with one line of a session file.
type lineError struct {
	line int
	msg  string
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func errorf(line int, format string, args ...any) error {
	return &lineError{line, fmt.Sprintf(format, args...)}
}

// Read reads a session file. Errors name the line and the problem. A last
// line cut short (no newline, and not a whole line) is left out and reported
// in Session.Warnings: what came before it is returned. Lines of kinds this
// version does not know are skipped, so later versions may add them.
func Read(r io.Reader) (*Session, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	s := &Session{}
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		cut := err == io.EOF // no newline: the last line, maybe cut short
		if cut && len(line) == 0 {
			if n == 1 {
				return nil, errorf(1, "not a concur session file (it is empty)")
			}
			return s, nil
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		perr := s.parseLine(n, line)
		if perr != nil {
			if cut && n > 1 {
				s.Warnings = append(s.Warnings, fmt.Sprintf("line %d: the last line is cut short (the recording was interrupted); read up to line %d", n, n-1))
				return s, nil
			}
			if cut && n == 1 && looksLikeHeader(line) {
				return nil, errorf(1, "the session header is cut short")
			}
			return nil, perr
		}
		if cut {
			return s, nil
		}
	}
}

func looksLikeHeader(line []byte) bool {
	return bytes.HasPrefix(line, []byte(`{"kind":"session"`))
}

// line is any line of a session file: the fields of every kind.
type line struct {
	Kind  string          `json:"kind"`
	V     *int            `json:"v"`
	T     int64           `json:"t"`
	N     int             `json:"n"`
	Src   *string         `json:"src"`
	At    int64           `json:"at"`
	Clock string          `json:"clock"`
	E     json.RawMessage `json:"e"`
}

func (s *Session) parseLine(n int, b []byte) error {
	if n == 1 {
		return s.parseHeader(b)
	}
	if !utf8.Valid(b) {
		return errorf(n, "not valid UTF-8 (at byte %d of the line)", invalidAt(b))
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return errorf(n, "empty line")
	}
	var l line
	if err := json.Unmarshal(b, &l); err != nil {
		return errorf(n, "corrupt JSON: %v", jsonProblem(err))
	}
	switch l.Kind {
	case "input":
		if l.Src == nil {
			return errorf(n, `input has no "src"`)
		}
		if want := len(s.Inputs) + 1; l.N != want {
			return errorf(n, "input number %d, want %d", l.N, want)
		}
		if l.T < 0 {
			return errorf(n, "input time %d is negative", l.T)
		}
		clock := s.Header.Clock
		switch l.Clock {
		case "":
		case "virtual", "real":
			clock = l.Clock
		default:
			return errorf(n, "input clock %q: want virtual or real", l.Clock)
		}
		s.Inputs = append(s.Inputs, Input{N: l.N, T: time.Duration(l.T), Src: *l.Src, Clock: clock})
	case "event":
		if len(s.Inputs) == 0 || l.N != len(s.Inputs) {
			return errorf(n, "event of input %d, but the last input recorded is %d", l.N, len(s.Inputs))
		}
		if len(l.E) == 0 {
			return errorf(n, `event line has no "e"`)
		}
		e, err := event.Parse(l.E)
		if err != nil {
			return errorf(n, "bad event: %v", err)
		}
		in := &s.Inputs[len(s.Inputs)-1]
		in.Events = append(in.Events, Event{Event: e, At: time.Duration(l.At)})
	case "session":
		return errorf(n, "a second session header")
	case "":
		return errorf(n, `no "kind"`)
	default:
		// A kind a later version added: skipped.
	}
	return nil
}

const notSession = "not a concur session file (first line is not a session header)"

func (s *Session) parseHeader(b []byte) error {
	if !utf8.Valid(b) || !bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		return errorf(1, notSession)
	}
	var l line
	if err := json.Unmarshal(b, &l); err != nil {
		if looksLikeHeader(b) {
			return errorf(1, "corrupt session header: %v", jsonProblem(err))
		}
		return errorf(1, notSession)
	}
	if l.Kind != "session" {
		return errorf(1, notSession)
	}
	if l.V == nil || *l.V < 1 {
		return errorf(1, "session header has no valid version")
	}
	if *l.V > Version {
		return errorf(1, "session version %d is newer than this concur understands (%d)", *l.V, Version)
	}
	if err := json.Unmarshal(b, &s.Header); err != nil {
		return errorf(1, "corrupt session header: %v", jsonProblem(err))
	}
	return nil
}

// jsonProblem words a JSON error without Go type names where it can.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q has the wrong type (%s)", te.Field, te.Value)
	}
	return err.Error()
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i + 1
		}
		i += size
	}
	return 0
}
