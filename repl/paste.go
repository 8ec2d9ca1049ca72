package repl

import (
	"bytes"
	"strings"
)

// Bracketed paste: a terminal told "\x1b[?2004h" sends what is pasted
// between pasteStart and pasteEnd, so a program can tell a paste from keys
// typed one by one. readline does not know these markers (it drops them and
// takes every pasted line break for Enter), so the terminal source takes
// pastes out of the byte stream before readline sees it.
const (
	pasteOn    = "\x1b[?2004h"
	pasteOff   = "\x1b[?2004l"
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// piece is a run of typed bytes or one whole paste, in the order the
// terminal sent them.
type piece struct {
	typed   []byte
	paste   string
	isPaste bool
}

// pasteScanner splits what the terminal sends into typed bytes and pastes. A
// marker may be split between two reads: the bytes that could begin one are
// held back until the next read says.
type pasteScanner struct {
	inPaste bool
	held    []byte // the end of the last chunk, which may begin a marker
	paste   bytes.Buffer
}

// feed takes the next chunk read from the terminal and returns the pieces it
// completes.
func (s *pasteScanner) feed(chunk []byte) []piece {
	data := append(s.held, chunk...)
	s.held = nil
	var pieces []piece
	for len(data) > 0 {
		if !s.inPaste {
			i := bytes.Index(data, []byte(pasteStart))
			if i < 0 {
				keep := partialMarker(data, pasteStart)
				if typed := data[:len(data)-keep]; len(typed) > 0 {
					pieces = append(pieces, piece{typed: bytes.Clone(typed)})
				}
				s.held = bytes.Clone(data[len(data)-keep:])
				break
			}
			if i > 0 {
				pieces = append(pieces, piece{typed: bytes.Clone(data[:i])})
			}
			s.inPaste = true
			s.paste.Reset()
			data = data[i+len(pasteStart):]
			continue
		}
		i := bytes.Index(data, []byte(pasteEnd))
		if i < 0 {
			keep := partialMarker(data, pasteEnd)
			s.paste.Write(data[:len(data)-keep])
			s.held = bytes.Clone(data[len(data)-keep:])
			break
		}
		s.paste.Write(data[:i])
		pieces = append(pieces, piece{paste: normalizePaste(s.paste.String()), isPaste: true})
		s.inPaste = false
		data = data[i+len(pasteEnd):]
	}
	return pieces
}

// partialMarker is the length of the longest end of data that is the start
// of marker (shorter than the whole marker).
func partialMarker(data []byte, marker string) int {
	for k := min(len(data), len(marker)-1); k > 0; k-- {
		if bytes.HasSuffix(data, []byte(marker[:k])) {
			return k
		}
	}
	return 0
}

// normalizePaste turns a terminal's line ends (CR, as terminals send Enter,
// or CRLF) into "\n".
func normalizePaste(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// wholePaste reports whether a paste is taken as one input rather than
// typed into the line: when it holds a line break, or any other control
// character (a tab would ask readline to complete).
func wholePaste(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}
