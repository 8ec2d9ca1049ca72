package repl

import (
	"strings"
	"unicode"
)

// Lesson text is Markdown. renderText shows it on a terminal: paragraphs
// reflowed and wrapped to the width, `code`, **bold** and *emphasis*
// shown with colours (or as plain text without them, never with their
// marks), fenced code indented without its fences, tables aligned.
//
// Chinese needs rules of its own. Joining the lines of a paragraph puts no
// space between two Chinese characters but keeps one between Chinese and
// Latin text ("每秒打印一次 tick"); wrapping breaks between any two Chinese
// characters but never puts closing punctuation (，。）” ...) at the start
// of a line or opening punctuation (（“ ...) at the end of one.

// Styles of a character of lesson text, combined as bits.
const (
	styleCode = 1 << iota
	styleBold
	styleEm
)

// styled is a character of rendered text and its style.
type styled struct {
	r     rune
	style uint8
}

// renderText renders Markdown text for a terminal width cells wide.
func renderText(md string, width int, color bool) string {
	width = max(width, 8)
	var out []string
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			// Code in the text: indented, as it is, without its fences.
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				out = append(out, paintStyled(plainStyled("    "+lines[i], styleCode), color))
			}
		case trimmed == "":
			out = append(out, "")
		case strings.HasPrefix(trimmed, "|"):
			var rows []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, strings.TrimSpace(lines[i]))
			}
			i--
			out = append(out, renderTable(rows, width, color)...)
		case strings.HasPrefix(trimmed, "#"):
			heading := strings.TrimSpace(strings.TrimLeft(trimmed, "#"))
			out = append(out, wrapStyled(withStyle(parseInline(heading), styleBold), width, "", "", color)...)
		default:
			// A paragraph or a list item, with the lines that continue it.
			first, rest := "", ""
			body := trimmed
			if marker := listMarker(trimmed); marker != "" {
				first = line[:len(line)-len(strings.TrimLeft(line, " \t"))] + marker
				rest = strings.Repeat(" ", runeCells(first))
				body = strings.TrimSpace(trimmed[len(marker):])
			}
			for i+1 < len(lines) && continuesText(lines[i+1]) {
				i++
				body = joinLines(body, strings.TrimSpace(lines[i]))
			}
			out = append(out, wrapStyled(parseInline(body), width, first, rest, color)...)
		}
	}
	return strings.Join(out, "\n")
}

// listMarker returns the marker a list item starts with ("- ", "* ",
// "12. "), or "".
func listMarker(s string) string {
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") {
		return s[:2]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(s[i:], ". ") {
		return s[:i+2]
	}
	return ""
}

// continuesText reports whether a line goes on with the paragraph or list
// item before it.
func continuesText(line string) bool {
	t := strings.TrimSpace(line)
	return t != "" && !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "#") &&
		!strings.HasPrefix(t, "|") && listMarker(t) == ""
}

// joinLines joins two lines of a paragraph: with a space, except where both
// sides are Chinese (or either side is Chinese punctuation).
func joinLines(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	last := []rune(strings.TrimRight(a, "`*_"))
	next := []rune(strings.TrimLeft(b, "`*_"))
	if len(last) > 0 && len(next) > 0 {
		l, n := last[len(last)-1], next[0]
		if (cjk(l) && cjk(n)) || cjkPunct(l) || cjkPunct(n) {
			return a + b
		}
	}
	return a + " " + b
}

// cjk reports whether r is a Chinese, Japanese or Korean character or
// full-width form.
func cjk(r rune) bool {
	return wideRune(r) == 2 || cjkPunct(r)
}

// cjkPunct reports whether r is punctuation of Chinese text, which takes
// no space beside anything: full-width forms, 、。「」 ..., and the curly
// quotes Chinese uses.
func cjkPunct(r rune) bool {
	return 0x3000 <= r && r <= 0x303f || 0xff00 <= r && r <= 0xff65 || strings.ContainsRune("“”‘’…—", r)
}

// noLineStart is punctuation that must not begin a line; noLineEnd must not
// end one.
const (
	noLineStart = "，。、；：？！）》」』】〕〉”’…%,.;:!?)]}»·・ー～"
	noLineEnd   = "（《「『【〔〈“‘([{«"
)

// parseInline turns Markdown inline markup into styled characters: `code`,
// **bold**, *emphasis*. A mark without its closing twin stays as it is.
func parseInline(s string) []styled {
	rs := []rune(s)
	var out []styled
	style := uint8(0)
	closes := func(from int, mark string) bool { // a closing mark comes later
		return strings.Contains(string(rs[from:]), mark)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '`':
			end := strings.IndexRune(string(rs[i+1:]), '`')
			if end < 0 {
				out = append(out, styled{r, style})
				continue
			}
			code := []rune(string(rs[i+1:])[:end])
			for _, c := range code {
				out = append(out, styled{c, style | styleCode})
			}
			i += len(code) + 1
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			if style&styleBold != 0 || closes(i+2, "**") {
				style ^= styleBold
				i++
				continue
			}
			out = append(out, styled{r, style}, styled{r, style})
			i++
		case r == '*' && style&styleEm != 0:
			style &^= styleEm
		case r == '*' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && closes(i+1, "*"):
			style |= styleEm
		default:
			out = append(out, styled{r, style})
		}
	}
	return out
}

func plainStyled(s string, style uint8) []styled {
	var out []styled
	for _, r := range s {
		out = append(out, styled{r, style})
	}
	return out
}

func withStyle(t []styled, style uint8) []styled {
	for i := range t {
		t[i].style |= style
	}
	return t
}

func styledCells(t []styled) int {
	n := 0
	for _, c := range t {
		n += wideRune(c.r)
	}
	return n
}

// clusters splits text into the pieces a line may break between: a space,
// a word of Latin text, or a Chinese character. Punctuation that may not
// start a line sticks to what comes before it, and punctuation that may not
// end one to what comes after.
func clusters(t []styled) [][]styled {
	var out [][]styled
	glue := false // the last character opens: the next one joins it
	for _, c := range t {
		n := len(out)
		afterSpace := n == 0 || out[n-1][0].r == ' '
		last := rune(0)
		if n > 0 {
			last = out[n-1][len(out[n-1])-1].r
		}
		switch {
		case c.r == ' ' && c.style&styleCode != 0 && n > 0 && !afterSpace:
			out[n-1] = append(out[n-1], c) // code keeps its spaces: `worker: `
		case c.r == ' ':
			out = append(out, []styled{c})
			glue = false
			continue
		case glue && n > 0:
			out[n-1] = append(out[n-1], c)
		case afterSpace && n >= 2 && strings.ContainsRune(noLineStart, c.r):
			// "word ，": the punctuation, and the space, stay with the word.
			out[n-2] = append(append(out[n-2], out[n-1]...), c)
			out = out[:n-1]
		case afterSpace:
			out = append(out, []styled{c})
		case strings.ContainsRune(noLineStart, c.r):
			out[n-1] = append(out[n-1], c)
		case wideRune(c.r) == 1 && wideRune(last) == 1:
			out[n-1] = append(out[n-1], c) // a word goes on
		default:
			out = append(out, []styled{c})
		}
		glue = strings.ContainsRune(noLineEnd, c.r)
	}
	return out
}

// wrapStyled wraps text to width cells: the first line starts with first
// (a list marker), the others with rest.
func wrapStyled(t []styled, width int, first, rest string, color bool) []string {
	var lines []string
	line := plainStyled(first, 0)
	cells := runeCells(first)
	empty := true // nothing but the indent on the line yet
	emit := func() {
		for len(line) > 0 && line[len(line)-1].r == ' ' {
			line = line[:len(line)-1]
		}
		lines = append(lines, paintStyled(line, color))
		line = plainStyled(rest, 0)
		cells, empty = runeCells(rest), true
	}
	for _, cl := range clusters(t) {
		w := styledCells(cl)
		if cl[0].r == ' ' {
			if !empty {
				line = append(line, cl...)
				cells += w
			}
			continue
		}
		if cells+w > width && !empty {
			emit()
		}
		for cells+w > width && len(cl) > 1 { // longer than a line: cut it
			n, used := 0, 0
			for n < len(cl) && cells+used+wideRune(cl[n].r) <= width {
				used += wideRune(cl[n].r)
				n++
			}
			for n > 1 && n < len(cl) && strings.ContainsRune(noLineStart, cl[n].r) {
				n-- // what is left must not start with closing punctuation
				used -= wideRune(cl[n].r)
			}
			if n == 0 {
				break
			}
			line = append(line, cl[:n]...)
			cl, w = cl[n:], w-used
			emit()
		}
		line = append(line, cl...)
		cells += w
		empty = false
	}
	if !empty || len(lines) == 0 {
		emit()
	}
	return lines
}

// paintStyled writes styled text, with colours if color is set.
func paintStyled(t []styled, color bool) string {
	var b strings.Builder
	cur := uint8(0)
	for _, c := range t {
		if color && c.style != cur {
			if cur != 0 {
				b.WriteString(reset)
			}
			if code := styleCodes(c.style); code != "" {
				b.WriteString("\x1b[" + code + "m")
			}
			cur = c.style
		}
		b.WriteRune(c.r)
	}
	if color && cur != 0 {
		b.WriteString(reset)
	}
	return b.String()
}

func styleCodes(style uint8) string {
	var codes []string
	if style&styleBold != 0 {
		codes = append(codes, "1")
	}
	if style&styleEm != 0 {
		codes = append(codes, "3")
	}
	if style&styleCode != 0 {
		codes = append(codes, "36")
	}
	return strings.Join(codes, ";")
}

// renderTable aligns a Markdown table's columns, its header underlined; a
// table too wide for the screen becomes one block per row, each cell under
// its column's name.
func renderTable(rows []string, width int, color bool) []string {
	var cells [][][]styled
	for _, row := range rows {
		row = strings.Trim(row, "|")
		var cs [][]styled
		for _, c := range strings.Split(row, "|") {
			cs = append(cs, parseInline(strings.TrimSpace(c)))
		}
		if isRule(row) {
			continue
		}
		cells = append(cells, cs)
	}
	if len(cells) == 0 {
		return nil
	}
	cols := 0
	for _, r := range cells {
		cols = max(cols, len(r))
	}
	widths := make([]int, cols)
	for _, r := range cells {
		for j, c := range r {
			widths[j] = max(widths[j], styledCells(c))
		}
	}
	total := 3 * (cols - 1)
	for _, w := range widths {
		total += w
	}
	if total > width {
		// Too wide: a block per row, its first cell a title and each other
		// cell under its column's name.
		var out []string
		head := cells[0]
		for _, r := range cells[1:] {
			if len(r) > 0 {
				out = append(out, wrapStyled(withStyle(r[0], styleBold), width, "", "", color)...)
			}
			for j := 1; j < len(r); j++ {
				var label []styled
				if j < len(head) && len(head[j]) > 0 {
					sep := ": "
					if last := head[j][len(head[j])-1].r; cjk(last) {
						sep = "："
					}
					label = append(append(label, head[j]...), plainStyled(sep, 0)...)
				}
				out = append(out, wrapStyled(append(label, r[j]...), width, "  - ", "    ", color)...)
			}
			out = append(out, "")
		}
		return out[:len(out)-1]
	}
	var out []string
	for i, r := range cells {
		var line []styled
		for j := 0; j < cols; j++ {
			var c []styled
			if j < len(r) {
				c = r[j]
			}
			if i == 0 {
				c = withStyle(c, styleBold)
			}
			line = append(line, c...)
			if j < cols-1 {
				line = append(line, plainStyled(strings.Repeat(" ", widths[j]-styledCells(c))+" │ ", 0)...)
			}
		}
		out = append(out, strings.TrimRight(paintStyled(line, color), " "))
		if i == 0 {
			var rule []string
			for _, w := range widths {
				rule = append(rule, strings.Repeat("─", w))
			}
			out = append(out, strings.Join(rule, "─┼─"))
		}
	}
	return out
}

func isRule(row string) bool {
	return strings.Trim(row, "|-: ") == "" && strings.Contains(row, "-")
}

func runesOf(t []styled) []rune {
	rs := make([]rune, len(t))
	for i, c := range t {
		rs[i] = c.r
	}
	return rs
}

// visibleCells is how many cells s takes on screen, colour sequences aside.
func visibleCells(s string) int {
	return runeCells(escape.ReplaceAllString(s, ""))
}
