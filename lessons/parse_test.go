package lessons_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/concur-dev/concur/lessons"
)

const fence = "```"

// demoEN and demoZH are a small valid lesson; the tests break them one way
// at a time.
var demoEN = strings.ReplaceAll(`---
id: demo
order: 1
title: Demo
---

## First

Some text.

~~~go example name=hello
fmt.Println("hello")
~~~

~~~output name=hello
 +0.000s  g1 main │ hello
~~~

~~~look name=hello
One line, at 0s.
~~~

## Exercise

Do it.

~~~go starter name=ex
fmt.Println("no")
~~~

### Hints

- One.
- Two, which goes
  on.

~~~go solution name=ex
fmt.Println("yes")
~~~

~~~check name=ex
# a comment
line "yes" at 0s
~~~
`, "~~~", fence)

var demoZH = strings.ReplaceAll(`---
id: demo
order: 1
title: 演示
---

## 第一步

文字。

~~~go example name=hello
~~~

~~~look name=hello
一行，在 0s。
~~~

## 练习

做。

~~~go starter name=ex
~~~

### 提示

- 一。
- 二。
`, "~~~", fence)

// edit replaces old by new in s, once; the test fails loudly if old is not
// there, so a case cannot go stale silently.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("edit: %q not in the demo lesson", old)
	}
	return strings.Replace(s, old, new, 1)
}

// lineOf is the number of the first line of s containing marker.
func lineOf(t *testing.T, s, marker string) int {
	t.Helper()
	for i, l := range strings.Split(s, "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("marker %q not found", marker)
	return 0
}

func TestParseDemo(t *testing.T) {
	l, err := lessons.Parse("en/01-demo.md", []byte(demoEN))
	if err != nil {
		t.Fatal(err)
	}
	if l.ID != "demo" || l.Order != 1 || l.Title[lessons.English] != "Demo" || len(l.Steps) != 2 {
		t.Fatalf("parsed %+v", l)
	}
	s := l.Steps[0]
	if s.Title[lessons.English] != "First" || s.Text[lessons.English] != "Some text.\n" {
		t.Errorf("step 1: title %q, text %q", s.Title[lessons.English], s.Text[lessons.English])
	}
	if len(s.Examples) != 1 || s.Examples[0].Code != "fmt.Println(\"hello\")\n" || s.Examples[0].Output != " +0.000s  g1 main │ hello\n" {
		t.Errorf("step 1: examples %+v", s.Examples)
	}
	x := l.Steps[1].Exercise
	if x == nil || x.Name != "ex" || x.Starter != "fmt.Println(\"no\")\n" || x.Solution != "fmt.Println(\"yes\")\n" {
		t.Fatalf("step 2: exercise %+v", x)
	}
	if want := []string{"One.", "Two, which goes\non."}; strings.Join(x.Hints[lessons.English], "|") != strings.Join(want, "|") {
		t.Errorf("hints %q, want %q", x.Hints[lessons.English], want)
	}
	if len(x.Checks) != 1 || x.Checks[0].Text != `line "yes" at 0s` || x.Checks[0].Line != lineOf(t, demoEN, `line "yes"`) {
		t.Errorf("checks %+v", x.Checks)
	}
	if got := l.Steps[1].Text[lessons.English]; got != "Do it.\n" {
		t.Errorf("step 2 text %q: blocks and hints belong beside it, not in it", got)
	}
}

// TestParseErrors feeds Parse broken lessons: each error must name the file
// and the line where the mistake is.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name   string
		file   string // default en/01-demo.md
		lang   string // "zh": break demoZH
		old    string
		new    string
		marker string // on the line the error must name; "" for line 1, "-" for none
		line   int    // the line, where no marker can show it
		offset int    // the line is this many after the marker's
		want   string
	}{
		{name: "unknown check", old: `line "yes" at 0s`, new: `linez in order: "yes"`, marker: "linez", want: `unknown check "linez in order"`},
		{name: "bad time", old: `"yes" at 0s`, new: `"yes" at 10`, marker: `line "yes"`, want: `"10" is not a time`},
		{name: "open text", old: `line "yes" at 0s`, new: `line "yes at 0s`, marker: `line "yes`, want: "a text is not closed"},
		{name: "check shape", old: `line "yes" at 0s`, new: `line "yes" 0s`, marker: `line "yes"`, want: `want: line "TEXT" at TIME`},
		{name: "overlap shape", old: `line "yes" at 0s`, new: `"a" and "b" overlapping`, marker: `"a" and`, want: `want: "TEXT" and "TEXT" overlap`},
		{name: "empty check", old: "# a comment\nline \"yes\" at 0s\n", new: "", marker: "check name=ex", want: `check block "ex" is empty`},
		{name: "comments only", old: "line \"yes\" at 0s\n", new: "", marker: "check name=ex", want: "a check block needs at least one expectation"},
		{name: "no header", old: "---\nid", new: "id", want: "a lesson starts with a header"},
		{name: "open header", old: "title: Demo\n---", new: "title: Demo", marker: "## First", want: `header lines are "key: value"; got "## First"`},
		{name: "header only", old: demoEN[strings.Index(demoEN, "title"):], new: "title: Demo\n", want: "the header is not closed"},
		{name: "header key", old: "title: Demo", new: "title: Demo\nauthor: me", marker: "author", want: `unknown header key "author"`},
		{name: "header line", old: "title: Demo", new: "title: Demo\nauthor", marker: "author", want: `header lines are "key: value"`},
		{name: "id", old: "id: demo", new: "id: other", marker: "id: other", want: `id "other" differs from the file name's id "demo"`},
		{name: "order", old: "order: 1", new: "order: 2", marker: "order: 2", want: "order 2 differs from the file name's number 1"},
		{name: "no title", old: "title: Demo\n", new: "", line: 4, want: `the header has no "title: ..." line`},
		{name: "text before steps", old: "## First", new: "Intro.\n\n## First", marker: "Intro.", want: "text before the first step"},
		{name: "level-1 heading", old: "## First", new: "# Demo\n\n## First", marker: "# Demo", want: `steps start with "## "`},
		{name: "untitled step", old: "## First", new: "## ", marker: "## ", want: "a step needs a title"},
		{name: "unknown role", old: "go example name=hello", new: "go exmaple name=hello", marker: "exmaple", want: `unknown block "go exmaple"`},
		{name: "hint block", old: "go example name=hello", new: "hint name=hello", marker: "hint name", want: "hints are a list"},
		{name: "no name", old: "go example name=hello", new: "go example", marker: fence + "go example", want: "a example block needs a name"},
		{name: "bad name", old: "go example name=hello", new: "go example name=Hello", marker: "name=Hello", want: `name "Hello"`},
		{name: "attribute", old: "go example name=hello", new: "go example name=hello clock=real", marker: "clock=real", want: `unknown attribute "clock=real"`},
		{name: "empty example", old: "fmt.Println(\"hello\")\n", new: "", marker: "example name=hello", want: `example block "hello" is empty`},
		{name: "no output", old: fence + "output name=hello\n +0.000s  g1 main │ hello\n" + fence + "\n", new: "", marker: "example name=hello", want: `example "hello" needs an output block`},
		{name: "text before output", old: fence + "output name=hello", new: "More text.\n\n" + fence + "output name=hello", marker: "example name=hello", want: `example "hello" needs an output block`},
		{name: "wrong output", old: "output name=hello", new: "output name=other", marker: "output name=other", want: `output block "other" must come right after example "other"`},
		{name: "open block", old: "line \"yes\" at 0s\n" + fence, new: "line \"yes\" at 0s", marker: "check name=ex", want: "this block is not closed"},
		{name: "no solution", old: fence + "go solution name=ex\nfmt.Println(\"yes\")\n" + fence, new: "", marker: "starter name=ex", want: `exercise "ex" has no solution block`},
		{name: "no check", old: "check name=ex\n# a comment\nline \"yes\" at 0s", new: "text\nhi", marker: "starter name=ex", want: `exercise "ex" has no check block`},
		{name: "no hints", old: "### Hints\n\n- One.\n- Two, which goes\n  on.\n", new: "", marker: "starter name=ex", want: `exercise "ex" needs hints`},
		{name: "hints without exercise", old: "Some text.", new: "Some text.\n\n### Hints\n\n- Stray.", marker: "### Hints", want: "hints, but no exercise in this step"},
		{name: "two hint lists", old: "- One.", new: "- One.\n\n### hints\n\n- Again.", marker: "### hints", want: "a step has one list of hints"},
		{name: "hint list", old: "- One.", new: "- One.\nNot a list item.", marker: "Not a list", want: "hints are a list"},
		{name: "two exercises", old: "check name=ex", new: "check name=other", marker: "check name=other", want: `a step has one exercise, and this one is "ex"`},
		{name: "second starter", old: "go solution name=ex", new: "go  starter name=ex", marker: "go  starter", want: `exercise "ex" has a second starter block`},
		{name: "name used twice", old: "go starter name=ex", new: "go starter name=hello", marker: "starter name=hello", want: `the name "hello" is used twice in this lesson`},
		{name: "no exercise", old: demoEN[strings.Index(demoEN, "## Exercise"):], new: "", marker: "## First", want: "a lesson needs at least one example and one exercise"},
		{name: "file name", file: "en/demo.md", marker: "-", want: "a lesson file is named NN-id.md"},
		{name: "language", file: "fr/01-demo.md", marker: "-", want: "a lesson file is in a directory named for its language"},
		{name: "no look", old: fence + "look name=hello\nOne line, at 0s.\n" + fence + "\n", new: "", marker: "example name=hello", want: `example "hello" needs a look block`},
		{name: "no look in translation", lang: "zh", old: fence + "look name=hello\n一行，在 0s。\n" + fence + "\n", new: "", marker: "example name=hello", want: `example "hello" needs a look block`},
		{name: "look before output", old: fence + "output name=hello\n +0.000s  g1 main │ hello\n" + fence + "\n\n" + fence + "look name=hello\nOne line, at 0s.\n" + fence, new: fence + "look name=hello\nOne line, at 0s.\n" + fence + "\n\n" + fence + "output name=hello\n +0.000s  g1 main │ hello\n" + fence, marker: "example name=hello", want: `example "hello" needs an output block`},
		{name: "look for nothing", old: "look name=hello", new: "look name=other", marker: "look name=other", want: `look block "other": no example "other" before it`},
		{name: "second look", old: "One line, at 0s.\n" + fence + "\n", new: "One line, at 0s.\n" + fence + "\n\n" + fence + "look name=hello\nAgain.\n" + fence + "\n", marker: "Again.", offset: -1, want: `example "hello" has a second look block`},
		{name: "empty look", lang: "zh", old: "一行，在 0s。\n", new: "", marker: "look name=hello", want: `look block "hello" is empty`},
		{name: "check in translation", lang: "zh", old: "## 练习", new: "## 练习\n\n" + fence + "check name=ex\nexit 0\n" + fence, marker: "check name=ex", want: "check blocks are written in the English file only"},
		{name: "bad reference", old: "Some text.", new: "Some text, see {lesson:Deadlock}.", marker: "{lesson:", want: "a lesson reference names a lesson id"},
		{name: "open reference", old: "- One.", new: "- One, see {lesson:deadlock.", marker: "{lesson:", want: "a lesson reference is written {lesson:ID}"},
		{name: "output in translation", lang: "zh", old: "name=hello\n" + fence + "\n", new: "name=hello\n" + fence + "\n" + fence + "output name=hello\n" + fence + "\n", marker: "output", want: "output blocks are written in the English file only"},
		{name: "translation without hints", lang: "zh", old: "### 提示\n\n- 一。\n- 二。\n", new: "", marker: "starter", want: `exercise "ex" needs hints`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, file := demoEN, "en/01-demo.md"
			if c.lang == "zh" {
				src, file = demoZH, "zh/01-demo.md"
			}
			if c.file != "" {
				file = c.file
			}
			if c.old != "" {
				src = edit(t, src, c.old, c.new)
			}
			_, err := lessons.Parse(file, []byte(src))
			if err == nil {
				t.Fatalf("no error; want %q", c.want)
			}
			var le *lessons.Error
			if !errors.As(err, &le) {
				t.Fatalf("error %T %v, want a *lessons.Error", err, err)
			}
			prefix := file + ":"
			switch {
			case c.line != 0:
				prefix += strconv.Itoa(c.line) + ":"
			case c.marker == "-":
				prefix = file
			case c.marker == "":
				prefix += "1:"
			default:
				prefix += strconv.Itoa(lineOf(t, src, c.marker)+c.offset) + ":"
			}
			if msg := err.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, c.want) {
				t.Errorf("error\n\t%s\nwant it to start %q and contain %q", msg, prefix, c.want)
			}
		})
	}
}

func TestLoadFSJoinsLanguages(t *testing.T) {
	ls, err := lessons.LoadFS(fstest.MapFS{
		"en/01-demo.md": {Data: []byte(demoEN)},
		"zh/01-demo.md": {Data: []byte(demoZH)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 1 {
		t.Fatalf("%d lessons, want 1", len(ls))
	}
	l := ls[0]
	if l.Title[lessons.Chinese] != "演示" || l.Source[lessons.Chinese] != "zh/01-demo.md" {
		t.Errorf("title %q, source %q", l.Title[lessons.Chinese], l.Source[lessons.Chinese])
	}
	if s := l.Steps[0]; s.Title[lessons.Chinese] != "第一步" || s.Text[lessons.Chinese] != "文字。\n" || s.Examples[0].Code == "" {
		t.Errorf("step 1 in Chinese: %q %q, code %q", s.Title[lessons.Chinese], s.Text[lessons.Chinese], s.Examples[0].Code)
	}
	x := l.Steps[1].Exercise
	if got := strings.Join(x.Hints[lessons.Chinese], "|"); got != "一。|二。" || x.Solution == "" || len(x.Checks) != 1 {
		t.Errorf("exercise in Chinese: hints %q, solution %q, %d checks", got, x.Solution, len(x.Checks))
	}
	if ex := l.Steps[0].Examples[0]; ex.Look[lessons.English] != "One line, at 0s.\n" || ex.Look[lessons.Chinese] != "一行，在 0s。\n" {
		t.Errorf("look notes %q", ex.Look)
	}
	if ex := l.Steps[0].Examples[0]; ex.CodeIn(lessons.Chinese) != ex.Code {
		t.Errorf("an empty translated block shows %q, want the English code", ex.CodeIn(lessons.Chinese))
	}
}

// TestLoadFSTranslatedCode: a translation may show the code with its
// comments in its own language; what runs is the English code, and the two
// have the same tokens on the same lines. References to lessons become
// their numbers.
func TestLoadFSTranslatedCode(t *testing.T) {
	en := strings.Replace(demoEN, "fmt.Println(\"hello\")\n", "// say hello\nfmt.Println(\"hello\") // once\n", 1)
	en = strings.Replace(en, "output name=hello\n", "output name=hello\n", 1)
	en = strings.Replace(en, "Some text.", "Some text; lesson {lesson:demo} again.", 1)
	zh := strings.Replace(demoZH, "name=hello\n", "name=hello\n// 打个招呼\nfmt.Println(\"hello\") /* 一次 */\n", 1)
	zh = strings.Replace(zh, "- 一。", "- 一，见第 {lesson:demo} 课。", 1)
	zh = strings.Replace(zh, "- 二。\n", "- 二。\n\n"+fence+"go solution name=ex\nfmt.Println(\"yes\") // 对了\n"+fence+"\n", 1)
	ls, err := lessons.LoadFS(fstest.MapFS{
		"en/01-demo.md": {Data: []byte(en)},
		"zh/01-demo.md": {Data: []byte(zh)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ex := ls[0].Steps[0].Examples[0]
	if got := ex.CodeIn(lessons.Chinese); got != "// 打个招呼\nfmt.Println(\"hello\") /* 一次 */\n" {
		t.Errorf("Chinese shows %q", got)
	}
	if ex.CodeIn(lessons.English) != ex.Code || !strings.Contains(ex.Code, "say hello") {
		t.Errorf("English shows %q, runs %q", ex.CodeIn(lessons.English), ex.Code)
	}
	x := ls[0].Steps[1].Exercise
	if x.SolutionIn(lessons.Chinese) != "fmt.Println(\"yes\") // 对了\n" || x.SolutionIn(lessons.English) != x.Solution || x.StarterIn(lessons.Chinese) != x.Starter {
		t.Errorf("solution in Chinese %q, starter %q", x.SolutionIn(lessons.Chinese), x.StarterIn(lessons.Chinese))
	}
	if got := ls[0].Steps[0].Text[lessons.English]; got != "Some text; lesson 1 again.\n" {
		t.Errorf("reference in the text: %q", got)
	}
	if got := x.Hints[lessons.Chinese][0]; got != "一，见第 1 课。" {
		t.Errorf("reference in a hint: %q", got)
	}
}

// TestLoadFSErrors checks that the languages of a lesson must agree.
func TestLoadFSErrors(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string // the whole error, with its file and line
	}{
		{
			name:  "no translation",
			files: map[string]string{"en/01-demo.md": demoEN},
			want:  "en/01-demo.md: no zh translation: want zh/01-demo.md",
		},
		{
			name:  "no English",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": demoZH, "zh/02-more.md": strings.ReplaceAll(strings.ReplaceAll(demoZH, "id: demo", "id: more"), "order: 1", "order: 2")},
			want:  "zh/02-more.md: no English lesson en/02-more.md to translate",
		},
		{
			name:  "heading lost",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "## 第一步", "", 1)},
			want:  "zh/01-demo.md:9: text before the first step",
		},
		{
			name:  "steps differ",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "## 练习", "## 多一步\n\n## 练习", 1)},
			want:  "zh/01-demo.md:20: 3 steps, but en/01-demo.md has 2",
		},
		{
			name:  "example differs",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.ReplaceAll(demoZH, "name=hello", "name=hi")},
			want:  `zh/01-demo.md:7: step 1 (en/01-demo.md:7): examples "hi" here, "hello" in English`,
		},
		{
			name:  "exercise differs",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "name=ex", "name=other", 1)},
			want:  `zh/01-demo.md:18: step 2 (en/01-demo.md:23): exercise "other" here, "ex" in English`,
		},
		{
			name:  "hints differ",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "- 二。\n", "", 1)},
			want:  "zh/01-demo.md:18: step 2 (en/01-demo.md:23): 1 hints here, 2 in English",
		},
		{
			name:  "translated code differs",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "name=hello\n", "name=hello\nfmt.Println(\"你好\")\n", 1)},
			want:  `zh/01-demo.md:12: example "hello": line 1 has "\"你好\"" where the English code has "\"hello\""; only comments may differ`,
		},
		{
			name:  "translated code moves a line",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "name=hello\n", "name=hello\n// 打印\n// 一行\nfmt.Println(\"hello\")\n", 1)},
			want:  `zh/01-demo.md:14: example "hello": "fmt" is at line 3 here and at line 1 in English`,
		},
		{
			name:  "translated solution differs",
			files: map[string]string{"en/01-demo.md": demoEN, "zh/01-demo.md": strings.Replace(demoZH, "- 二。\n", "- 二。\n\n"+fence+"go solution name=ex\nfmt.Println(\"no\")\n"+fence+"\n", 1)},
			want:  `zh/01-demo.md:31: the solution of "ex": line 1 has "\"no\"" where the English code has "\"yes\""`,
		},
		{
			name:  "unknown lesson",
			files: map[string]string{"en/01-demo.md": strings.Replace(demoEN, "Some text.", "Some text; see lesson {lesson:nowhere}.", 1), "zh/01-demo.md": demoZH},
			want:  `en/01-demo.md:9: {lesson:nowhere}: there is no lesson with id "nowhere"`,
		},
		{
			name: "order taken",
			files: map[string]string{
				"en/01-demo.md": demoEN, "zh/01-demo.md": demoZH,
				"en/01-again.md": strings.Replace(demoEN, "id: demo", "id: again", 1), "zh/01-again.md": strings.Replace(demoZH, "id: demo", "id: again", 1),
			},
			want: "order 1 is taken by",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range c.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			_, err := lessons.LoadFS(fsys)
			var le *lessons.Error
			if !errors.As(err, &le) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want a *lessons.Error reading %q", err, c.want)
			}
		})
	}
}
