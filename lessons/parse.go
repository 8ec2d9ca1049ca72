package lessons

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/concur-dev/concur/internal/lazyregexp"
)

// Error is a mistake in a lesson file, at a line. Parse, Load, LoadFS and
// ParseChecks return their mistakes as *Error.
type Error struct {
	File string // "lessons/en/03-sync-nonblocking.md"; empty for text given to ParseChecks
	Line int    // from 1; 0 when the mistake is about the whole file (its name, a missing translation)
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File == "":
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

var (
	fileName  = lazyregexp.New(`^([0-9]+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$`)
	blockName = lazyregexp.New(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
)

// hintHeadings are the "### " headings that start an exercise's hints, in
// any language.
var hintHeadings = []string{"hints", "hint", "提示"}

// Parse reads one lesson file. name is its path, ending in LANG/NN-id.md: the
// directory is the language, NN the lesson's order and id its id, which the
// header must repeat. The Lesson returned has that one language. In a
// translation examples and exercises have names but no code, output,
// solution or checks; Load takes those from the English file.
func Parse(name string, data []byte) (Lesson, error) {
	p := &parser{name: name, names: map[string]int{}}
	if err := p.parse(data); err != nil {
		return Lesson{}, err
	}
	return p.l, nil
}

type parser struct {
	name  string
	lang  Lang
	lines []string
	l     Lesson

	step      *Step
	text      []string       // the current step's prose
	hints     int            // line of the current step's hints heading, 0 if none
	blocks    map[string]int // the current exercise's blocks: role → line
	pending   *Example       // an example whose output block must come next
	schedules int            // the n=N of the block being read (explore)
	names     map[string]int // example and exercise names → line
}

func (p *parser) errorf(line int, format string, args ...any) error {
	return &Error{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) parse(data []byte) error {
	m := fileName.FindStringSubmatch(path.Base(p.name))
	if m == nil {
		return p.errorf(0, "a lesson file is named NN-id.md, like 01-sync-blocking.md")
	}
	p.lang = Lang(path.Base(path.Dir(p.name)))
	if !slices.Contains(Langs, p.lang) {
		return p.errorf(0, "a lesson file is in a directory named for its language: %s", quoteList(langNames()))
	}
	order, _ := strconv.Atoi(m[1])
	p.lines = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	p.l = Lesson{Title: map[Lang]string{}, Source: map[Lang]string{p.lang: p.name}}
	body, err := p.header(m[2], order)
	if err != nil {
		return err
	}
	if err := p.body(body); err != nil {
		return err
	}
	if len(p.l.Steps) == 0 {
		return p.errorf(len(p.lines), "no steps: start one with a line \"## Title\"")
	}
	examples, exercises := 0, 0
	for _, s := range p.l.Steps {
		examples += len(s.Examples)
		if s.Exercise != nil {
			exercises++
		}
	}
	if examples == 0 || exercises == 0 {
		return p.errorf(p.l.Steps[0].line, "a lesson needs at least one example and one exercise (it has %d and %d)", examples, exercises)
	}
	return nil
}

func langNames() []string {
	var s []string
	for _, l := range Langs {
		s = append(s, string(l))
	}
	return s
}

// header reads the lines between the first two "---" lines and returns the
// index of the line after them.
func (p *parser) header(id string, order int) (int, error) {
	const want = "a lesson starts with a header: a line \"---\", lines \"id: ...\", \"order: ...\" and \"title: ...\", and a line \"---\""
	if strings.TrimSpace(p.lines[0]) != "---" {
		return 0, p.errorf(1, "%s", want)
	}
	seen := map[string]int{}
	for i := 1; i < len(p.lines); i++ {
		line := strings.TrimSpace(p.lines[i])
		n := i + 1
		if line == "---" {
			for _, key := range []string{"id", "order", "title"} {
				if seen[key] == 0 {
					return 0, p.errorf(n, "the header has no %q line", key+": ...")
				}
			}
			return i + 1, nil
		}
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok {
			return 0, p.errorf(n, "header lines are \"key: value\"; got %q", line)
		}
		if seen[key] != 0 {
			return 0, p.errorf(n, "%q is set twice in the header (first at line %d)", key, seen[key])
		}
		seen[key] = n
		switch key {
		case "id":
			if value != id {
				return 0, p.errorf(n, "id %q differs from the file name's id %q", value, id)
			}
			p.l.ID = value
		case "order":
			v, err := strconv.Atoi(value)
			if err != nil || v < 1 {
				return 0, p.errorf(n, "order %q: want a whole number from 1", value)
			}
			if v != order {
				return 0, p.errorf(n, "order %d differs from the file name's number %d", v, order)
			}
			p.l.Order = v
		case "title":
			if value == "" {
				return 0, p.errorf(n, "the title is empty")
			}
			p.l.Title[p.lang] = value
		default:
			return 0, p.errorf(n, "unknown header key %q: want id, order or title", key)
		}
	}
	return 0, p.errorf(1, "the header is not closed: %s", want)
}

func (p *parser) body(i int) error {
	for i < len(p.lines) {
		line := p.lines[i]
		n := i + 1
		i++
		trimmed := strings.TrimSpace(line)
		if p.pending != nil && trimmed != "" && !strings.HasPrefix(trimmed, "```output") {
			return p.missingOutput()
		}
		switch {
		case strings.HasPrefix(trimmed, "```"):
			var body []string
			closed := false
			for i < len(p.lines) {
				l := p.lines[i]
				i++
				if strings.TrimSpace(l) == "```" {
					closed = true
					break
				}
				body = append(body, l)
			}
			if !closed {
				return p.errorf(n, "this block is not closed: end it with a line \"```\"")
			}
			role, name, schedules, err := p.blockAttrs(trimmed[3:], n)
			if err != nil {
				return err
			}
			p.schedules = schedules
			if role == "" {
				if err := p.prose(n, line); err != nil {
					return err
				}
				p.text = append(p.text, body...)
				p.text = append(p.text, "```")
				continue
			}
			if p.step == nil {
				return p.errorf(n, "a block before the first step: start a step with a line \"## Title\"")
			}
			if err := p.block(role, name, body, n); err != nil {
				return err
			}
		case strings.HasPrefix(line, "# "):
			return p.errorf(n, "the lesson's title is in the header; steps start with \"## \"")
		case strings.HasPrefix(line, "## "):
			if err := p.endStep(); err != nil {
				return err
			}
			title := strings.TrimSpace(line[3:])
			if title == "" {
				return p.errorf(n, "a step needs a title after \"## \"")
			}
			p.step = &Step{Title: map[Lang]string{p.lang: title}, Text: map[Lang]string{}, line: n}
		case strings.HasPrefix(line, "### ") && slices.Contains(hintHeadings, strings.ToLower(strings.TrimSpace(line[4:]))):
			if p.step == nil {
				return p.errorf(n, "hints before the first step")
			}
			if p.hints != 0 {
				return p.errorf(n, "a step has one list of hints (the first is at line %d)", p.hints)
			}
			p.hints = n
			var err error
			if i, err = p.hintList(i); err != nil {
				return err
			}
		default:
			if err := p.prose(n, line); err != nil {
				return err
			}
		}
	}
	if p.pending != nil {
		return p.missingOutput()
	}
	return p.endStep()
}

func (p *parser) prose(n int, line string) error {
	if p.step == nil {
		if strings.TrimSpace(line) == "" {
			return nil
		}
		return p.errorf(n, "text before the first step: start a step with a line \"## Title\"")
	}
	if err := p.refs([]string{line}, n); err != nil {
		return err
	}
	p.text = append(p.text, line)
	return nil
}

func (p *parser) missingOutput() error {
	e := p.pending
	return p.errorf(e.line, "example %q needs an output block right after it: a line \"```output name=%s\" and a line \"```\" (go test ./lessons -update fills it)", e.Name, e.Name)
}

// blockInfo reads a fence's info string. role is "" for a block that is part
// of the text ("```go", "```text", "```").
func (p *parser) blockInfo(info string, n int) (role, name string, err error) {
	role, name, _, err = p.blockAttrs(info, n)
	return role, name, err
}

// blockAttrs is blockInfo with an explore block's n=N (0 for the others).
func (p *parser) blockAttrs(info string, n int) (role, name string, schedules int, err error) {
	f := strings.Fields(info)
	var attrs []string
	switch {
	case len(f) >= 2 && f[0] == "go":
		role, attrs = f[1], f[2:]
		if role != "example" && role != "starter" && role != "solution" {
			return "", "", 0, p.errorf(n, "unknown block \"go %s\": want go example, go starter or go solution (or plain go for code in the text)", role)
		}
	case len(f) >= 1 && (f[0] == "output" || f[0] == "check" || f[0] == "look" || f[0] == "explore"):
		role, attrs = f[0], f[1:]
	case len(f) >= 1 && f[0] == "hint":
		return "", "", 0, p.errorf(n, "hints are a list under a heading \"### Hints\" (\"### 提示\"), not a block")
	default:
		return "", "", 0, nil
	}
	for _, a := range attrs {
		k, v, ok := strings.Cut(a, "=")
		if ok && k == "n" && role == "explore" {
			schedules, err = strconv.Atoi(v)
			if err != nil || schedules < 1 || schedules > 1000 {
				return "", "", 0, p.errorf(n, "n=%s: an explore block runs a whole number of schedules, from 1 to 1000", v)
			}
			continue
		}
		if !ok || k != "name" {
			if role == "explore" {
				return "", "", 0, p.errorf(n, "unknown attribute %q: an explore block takes name=NAME and n=SCHEDULES", a)
			}
			return "", "", 0, p.errorf(n, "unknown attribute %q: a %s block takes name=NAME", a, role)
		}
		if !blockName.MatchString(v) {
			return "", "", 0, p.errorf(n, "name %q: use lower-case letters, digits and dashes", v)
		}
		name = v
	}
	if name == "" {
		return "", "", 0, p.errorf(n, "a %s block needs a name: \"```%s name=NAME\"", role, strings.Join(f[:len(f)-len(attrs)], " "))
	}
	if role == "explore" && schedules == 0 {
		return "", "", 0, p.errorf(n, "an explore block says how many schedules: \"```explore name=%s n=20\"", name)
	}
	return role, name, schedules, nil
}

func (p *parser) block(role, name string, body []string, n int) error {
	empty := strings.TrimSpace(strings.Join(body, "\n")) == ""
	text := ""
	if !empty {
		text = strings.Join(body, "\n") + "\n"
	}
	translation := p.lang != English
	switch {
	case translation && (role == "output" || role == "check" || role == "explore"):
		return p.errorf(n, "%s blocks are written in the English file only", role)
	case !translation && empty && role != "output" && role != "explore":
		return p.errorf(n, "%s block %q is empty", role, name)
	case translation && empty && role == "look":
		return p.errorf(n, "look block %q is empty", name)
	}
	s := p.step
	switch role {
	case "example":
		if err := p.claim(name, n); err != nil {
			return err
		}
		ex := Example{Name: name, Code: text, Shown: map[Lang]string{}, Look: map[Lang]string{}, line: n}
		if translation {
			ex.Code = ""
			if text != "" {
				ex.Shown[p.lang] = text
			}
		}
		s.Examples = append(s.Examples, ex)
		if !translation {
			p.pending = &s.Examples[len(s.Examples)-1]
		}
	case "output":
		if p.pending == nil || p.pending.Name != name {
			return p.errorf(n, "output block %q must come right after example %q", name, name)
		}
		p.pending.Output = text
		p.pending = nil
	case "explore":
		var ex *Example
		for i := range s.Examples {
			if s.Examples[i].Name == name {
				ex = &s.Examples[i]
			}
		}
		switch {
		case ex == nil:
			return p.errorf(n, "explore block %q: no example %q before it in this step", name, name)
		case ex.Explore != 0:
			return p.errorf(n, "example %q has a second explore block", name)
		}
		ex.Explore, ex.Explored = p.schedules, text
	case "look":
		var ex *Example
		for i := range s.Examples {
			if s.Examples[i].Name == name {
				ex = &s.Examples[i]
			}
		}
		switch {
		case ex == nil:
			return p.errorf(n, "look block %q: no example %q before it in this step", name, name)
		case ex.Look[p.lang] != "":
			return p.errorf(n, "example %q has a second look block", name)
		}
		if err := p.refs(body, n+1); err != nil {
			return err
		}
		ex.Look[p.lang] = tidy(body)
	default: // starter, solution, check
		x := s.Exercise
		if x == nil || x.Name == "" { // the first block of the exercise; its hints may have come first
			if err := p.claim(name, n); err != nil {
				return err
			}
			if x == nil {
				x = &Exercise{Hints: map[Lang][]string{}}
				s.Exercise = x
			}
			x.Name, x.line = name, n
			x.StarterShown, x.SolutionShown = map[Lang]string{}, map[Lang]string{}
			x.blockLines = map[string]int{}
			p.blocks = map[string]int{}
		} else if x.Name != name {
			return p.errorf(n, "a step has one exercise, and this one is %q (line %d)", x.Name, x.line)
		}
		if at, ok := p.blocks[role]; ok {
			return p.errorf(n, "exercise %q has a second %s block (the first is at line %d)", name, role, at)
		}
		p.blocks[role] = n
		x.blockLines[role] = n
		switch {
		case role == "starter" && translation:
			if text != "" {
				x.StarterShown[p.lang] = text
			}
		case role == "solution" && translation:
			if text != "" {
				x.SolutionShown[p.lang] = text
			}
		case role == "starter":
			x.Starter = text
		case role == "solution":
			x.Solution = text
		case role == "check":
			checks, err := parseChecks(body, n+1)
			if err != nil {
				err.File = p.name
				return err
			}
			x.Checks = checks
		}
	}
	return nil
}

// lessonRef is a reference to another lesson in a lesson's text,
// "{lesson:deadlock}", which Load replaces with that lesson's number.
var lessonRef = lazyregexp.New(`\{lesson:([^{}]*)\}`)

// ref is a lesson reference found at a line of a file.
type ref struct {
	lang Lang
	id   string
	line int
}

// refs records the lesson references in lines, the first of which is line
// first.
func (p *parser) refs(lines []string, first int) error {
	for i, l := range lines {
		for _, m := range lessonRef.FindAllStringSubmatch(l, -1) {
			if !blockName.MatchString(m[1]) {
				return p.errorf(first+i, "%s: a lesson reference names a lesson id, like {lesson:deadlock}", m[0])
			}
			p.l.refs = append(p.l.refs, ref{p.lang, m[1], first + i})
		}
		if strings.Count(l, "{lesson:") != len(lessonRef.FindAllString(l, -1)) {
			return p.errorf(first+i, "a lesson reference is written {lesson:ID}, closed with }")
		}
	}
	return nil
}

// claim reserves an example or exercise name in the lesson.
func (p *parser) claim(name string, n int) error {
	if at, ok := p.names[name]; ok {
		return p.errorf(n, "the name %q is used twice in this lesson (first at line %d)", name, at)
	}
	p.names[name] = n
	return nil
}

// hintList reads the list under a hints heading, from line index i up to the
// next heading or block, and returns the index where it stopped.
func (p *parser) hintList(i int) (int, error) {
	var hints []string
	blank := false
	for ; i < len(p.lines); i++ {
		line := p.lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "#"), strings.HasPrefix(trimmed, "```"):
			p.setHints(hints)
			return i, nil
		case trimmed == "":
			blank = true
		case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "):
			if err := p.refs([]string{line}, i+1); err != nil {
				return i, err
			}
			hints = append(hints, strings.TrimSpace(line[2:]))
			blank = false
		case len(hints) > 0 && (strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")):
			if err := p.refs([]string{line}, i+1); err != nil {
				return i, err
			}
			sep := "\n"
			if blank {
				sep = "\n\n"
			}
			hints[len(hints)-1] += sep + trimmed
			blank = false
		default:
			return i, p.errorf(i+1, "hints are a list: start each hint with \"- \" (indent the lines that continue one)")
		}
	}
	p.setHints(hints)
	return i, nil
}

func (p *parser) setHints(hints []string) {
	if p.step.Exercise != nil {
		p.step.Exercise.Hints[p.lang] = hints
		return
	}
	// Kept until the exercise's first block, which may come after the hints.
	p.step.Exercise = &Exercise{Hints: map[Lang][]string{p.lang: hints}}
}

// endStep finishes the current step: its text, and its exercise complete.
func (p *parser) endStep() error {
	s := p.step
	if s == nil {
		return nil
	}
	if x := s.Exercise; x != nil {
		switch {
		case x.Name == "":
			return p.errorf(p.hints, "hints, but no exercise in this step: add a block \"```go starter name=NAME\"")
		case p.hints == 0 || len(x.Hints[p.lang]) == 0:
			return p.errorf(x.line, "exercise %q needs hints: a heading \"### Hints\" (\"### 提示\") and a list", x.Name)
		case p.lang == English:
			for _, role := range []string{"starter", "solution", "check"} {
				if _, ok := p.blocks[role]; !ok {
					info := "go " + role
					if role == "check" {
						info = role
					}
					return p.errorf(x.line, "exercise %q has no %s block: add \"```%s name=%s\"", x.Name, role, info, x.Name)
				}
			}
		}
	}
	for _, ex := range s.Examples {
		if ex.Look[p.lang] == "" {
			return p.errorf(ex.line, "example %q needs a look block after it: a line \"```look name=%s\", a sentence or two on what to look at in its output, and a line \"```\"", ex.Name, ex.Name)
		}
	}
	s.Text[p.lang] = tidy(p.text)
	p.l.Steps = append(p.l.Steps, *s)
	p.step, p.text, p.hints, p.blocks = nil, nil, 0, nil
	return nil
}

// tidy joins text lines, dropping blank lines at either end and runs of them
// where blocks were taken out.
func tidy(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteString("\n")
			blank = false
		}
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}
