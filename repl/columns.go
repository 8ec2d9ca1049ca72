package repl

import (
	"bytes"
	"io"
	"strings"
	"sync"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// sideBySide is the width from which a lesson's :run shows the step's text
// on the left and the run's output on the right.
const sideBySide = 120

// columns writes each line it is given in a right-hand column, beside the
// next line of a text in the left-hand one, so that a lesson's text and its
// example's output read side by side; the output keeps its pace.
type columns struct {
	mu         sync.Mutex
	w          io.Writer
	left       []string
	leftWidth  int
	rightWidth int
	next       int    // the next left line to show
	partial    []byte // output not yet ended by a newline
}

func newColumns(w io.Writer, text string, width int, color bool) *columns {
	leftWidth := (width - 3) / 2
	return &columns{
		w:          w,
		left:       strings.Split(renderText(text, leftWidth, color), "\n"),
		leftWidth:  leftWidth,
		rightWidth: width - leftWidth - 3,
	}
}

func (c *columns) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.partial = append(c.partial, p...)
	for {
		i := bytes.IndexByte(c.partial, '\n')
		if i < 0 {
			break
		}
		for _, piece := range cut(string(c.partial[:i]), c.rightWidth) {
			c.row(piece)
		}
		c.partial = c.partial[i+1:]
	}
	return len(p), nil
}

// row writes one row: the next text line, padded, then an output line.
func (c *columns) row(right string) {
	left := ""
	if c.next < len(c.left) {
		left = c.left[c.next]
		c.next++
	}
	pad := max(c.leftWidth-visibleCells(left), 0)
	io.WriteString(c.w, left+strings.Repeat(" ", pad)+" │ "+right+"\n")
}

// Close writes what is left of the text.
func (c *columns) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.partial) > 0 {
		c.row(string(c.partial))
		c.partial = nil
	}
	for c.next < len(c.left) {
		c.row("")
	}
}

// escape matches a terminal colour sequence.
var escape = lazyregexp.New("\x1b\\[[0-9;]*m")

// cut splits a line into pieces of at most width cells; a line with colour
// sequences is left whole (cutting one would break the colours).
func cut(line string, width int) []string {
	if width <= 0 || runeCells(line) <= width || escape.MatchString(line) {
		return []string{line}
	}
	var pieces []string
	var cur strings.Builder
	cells := 0
	for _, r := range line {
		w := runeCells(string(r))
		if cells+w > width {
			pieces = append(pieces, cur.String())
			cur.Reset()
			cells = 0
		}
		cur.WriteRune(r)
		cells += w
	}
	return append(pieces, cur.String())
}
