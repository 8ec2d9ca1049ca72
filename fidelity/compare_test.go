package fidelity

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
)

// frame is one write as the faketime runtime frames it.
func frame(t int64, s string) []byte {
	b := []byte{0, 0, 'P', 'B'}
	b = binary.BigEndian.AppendUint64(b, uint64(fakeEpoch+t))
	b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

func frames(ws ...any) []byte {
	var b []byte
	for i := 0; i < len(ws); i += 2 {
		b = append(b, frame(int64(ws[i].(int)), ws[i+1].(string))...)
	}
	return b
}

func TestGoOutcome(t *testing.T) {
	stdout := frames(0, "a\nb", 5_000_000, "c\n", 5_000_000, "tail")
	stderr := frames(1, "err\n", 5_000_001, "panic: boom\n[signal SIGSEGV: segmentation violation]\n", 5_000_001, "\ngoroutine 1 [running]:\nmain.main()\n")
	o, err := goOutcome(stdout, stderr, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := []line{
		{stream: "stdout", text: "a", t: 0},
		{stream: "stderr", text: "err", t: 1},
		{stream: "stdout", text: "bc", t: 5_000_000},
		{stream: "stdout", text: "tail", t: 5_000_000},
	}
	if !slices.Equal(o.lines, want) {
		t.Errorf("lines = %v, want %v", o.lines, want)
	}
	if o.end != "panic: boom" || o.endT != 5_000_001 || o.code != 2 {
		t.Errorf("end = %q at %d, code %d", o.end, o.endT, o.code)
	}

	dead := frames(0, "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n\ngoroutine 6 [sync.Mutex.Lock, 2 minutes]:\n")
	o, err = goOutcome(nil, dead, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.lines) != 0 || o.end != "fatal error: all goroutines are asleep - deadlock!" || !slices.Equal(o.waits, []string{"chan receive", "sync.Mutex.Lock"}) {
		t.Errorf("deadlock: %+v", o)
	}

	// A program's own "panic: " line is output, not a crash.
	o, _ = goOutcome(nil, frames(0, "panic: not really\n"), 0)
	if o.end != "" || len(o.lines) != 1 {
		t.Errorf("printed panic line: %+v", o)
	}

	if _, err := goOutcome([]byte("plain output\n"), nil, 0); err == nil {
		t.Error("output without playback frames was accepted")
	}
}

func TestConcurOutcome(t *testing.T) {
	stream := `{"kind":"start","t":0,"g":0,"v":1,"clock":"virtual"}
{"kind":"output","t":0,"g":2,"stream":"stdout","text":"x"}
{"kind":"deadlock","t":7,"g":0,"text":"fatal error: all goroutines are asleep - deadlock!","blocked":[{"g":2,"name":"w","state":"select"},{"g":1,"name":"main","state":"chan receive"}]}
{"kind":"exit","t":7,"g":0,"code":2}
`
	o, err := concurOutcome([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	if len(o.lines) != 1 || o.lines[0].g != 2 || o.code != 2 || !slices.Equal(o.waits, []string{"chan receive", "select"}) {
		t.Errorf("%+v", o)
	}
	// Pieces of a torn line are one line, as Go's raw stream has it.
	torn := `{"kind":"output","t":0,"g":2,"stream":"stdout","text":"A ","more":true}
{"kind":"output","t":0,"g":3,"stream":"stdout","text":"B "}
{"kind":"output","t":1,"g":3,"stream":"stderr","text":"err"}
{"kind":"output","t":5,"g":2,"stream":"stdout","text":"1"}
{"kind":"exit","t":5,"g":0,"code":0}
`
	o, err = concurOutcome([]byte(torn))
	if err != nil {
		t.Fatal(err)
	}
	want := []line{{stream: "stdout", text: "A B ", t: 0, g: 3}, {stream: "stderr", text: "err", t: 1, g: 3}, {stream: "stdout", text: "1", t: 5, g: 2}}
	if !slices.Equal(o.lines, want) {
		t.Errorf("torn line: %+v, want %+v", o.lines, want)
	}
	if _, err := concurOutcome([]byte(`{"kind":"start","t":0,"g":0}` + "\n")); err == nil {
		t.Error("a stream without an exit event was accepted")
	}
	o, _ = concurOutcome([]byte(`{"kind":"compile","t":0,"g":1,"text":"/tmp/x/prog.go:7:2: declared and not used: x"}
{"kind":"exit","t":0,"g":0,"code":1}
`))
	if o.end != "7:2: declared and not used: x" {
		t.Errorf("compile error: %q", o.end)
	}
}

func TestCompare(t *testing.T) {
	out := func(text string, t int64, g int) line { return line{stream: "stdout", text: text, t: t, g: g} }
	goLines := func(ls ...line) outcome {
		for i := range ls {
			ls[i].g = 0
		}
		return outcome{lines: ls}
	}
	concur := func(ls ...line) outcome { return outcome{lines: ls} }
	tests := []struct {
		name  string
		go_   outcome
		c     outcome
		m     mode
		agree bool
	}{
		{"same", goLines(out("a", 0, 0), out("b", 10, 0)), concur(out("a", 0, 1), out("b", 10, 1)), byOrder, true},
		{"goroutines of one instant interleave", goLines(out("a", 0, 0), out("b", 0, 0)), concur(out("b", 0, 2), out("a", 0, 1)), byOrder, true},
		{"one goroutine keeps its order", goLines(out("a", 0, 0), out("b", 0, 0)), concur(out("b", 0, 1), out("a", 0, 1)), byOrder, false},
		{"any order within an instant", goLines(out("a", 0, 0), out("b", 0, 0)), concur(out("b", 0, 1), out("a", 0, 1)), byInstant, true},
		{"instants differ", goLines(out("a", 0, 0), out("b", 1_000_000, 0)), concur(out("a", 0, 1), out("b", 2_000_000, 1)), byInstant, false},
		{"nanosecond bumps are one instant", goLines(out("a", 3_000_001, 0)), concur(out("a", 3_000_000, 1)), byOrder, true},
		{"sorted ignores time", goLines(out("a", 0, 0), out("b", 1_000_000, 0)), concur(out("b", 0, 1), out("a", 5, 1)), bySorted, true},
		{"sorted still counts lines", goLines(out("a", 0, 0), out("a", 0, 0)), concur(out("a", 0, 1)), bySorted, false},
		{"streams differ", goLines(line{stream: "stderr", text: "a"}), concur(out("a", 0, 1)), byOrder, false},
		{"exit status", outcome{code: 3}, outcome{code: 0}, byStatus, false},
		{"status ignores output", outcome{code: 3, lines: []line{out("a", 0, 0)}}, outcome{code: 3}, byStatus, true},
		{"end", outcome{end: "panic: x", code: 2}, outcome{end: "panic: y", code: 2}, byOrder, false},
		{"end instant", outcome{end: "panic: x", endT: 0, code: 2}, outcome{end: "panic: x", endT: 5_000_000, code: 2}, byOrder, false},
		{"deadlock waits", outcome{end: "d", waits: []string{"chan send"}}, outcome{end: "d", waits: []string{"select"}}, byOrder, false},
		{
			"identical texts of two goroutines need a search",
			goLines(out("a", 0, 0), out("c", 0, 0), out("a", 0, 0), out("b", 0, 0)),
			concur(out("a", 0, 1), out("b", 0, 1), out("a", 0, 2), out("c", 0, 2)),
			byOrder, true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diffs := compare(tt.go_, tt.c, tt.m)
			if agree := len(diffs) == 0; agree != tt.agree {
				t.Errorf("compare agrees = %v, want %v: %q", agree, tt.agree, diffs)
			}
		})
	}
}

func TestSamePrinted(t *testing.T) {
	run := " +0.000s  g2 a │ x\n +0.000s  g3 b │ y\npanic: z\n\ngoroutine 3 [running]:\n +1.000s  g1 main │ done\n"
	swapped := " +0.000s  g3 b │ y\npanic: z\n\ngoroutine 3 [running]:\n +0.000s  g2 a │ x\n +1.000s  g1 main │ done\n"
	if !samePrinted(run, swapped, byOrder) {
		t.Error("records of one stamp in another order differ")
	}
	if samePrinted(run, " +0.000s  g2 a │ x\n +0.000s  g3 b │ y\n +1.000s  g1 main │ done\n", byOrder) {
		t.Error("a missing traceback went unseen")
	}
	if samePrinted(" +0.000s  g2 a │ x\n", " +0.000s  g3 a │ x\n", byOrder) {
		t.Error("another goroutine's label went unseen")
	}
	if !samePrinted(" +0.000s  g2 a │ x\n", " +0.000s  g3 a │ x\n", byInstant) {
		t.Error("labels count where the scheduler decides who prints")
	}
	if samePrinted(" +0.000s  g1 main │ x\n", " +1.000s  g1 main │ x\n", byInstant) {
		t.Error("another stamp went unseen")
	}
}

func TestUnnamed(t *testing.T) {
	run := "/tmp/x/prog.go:7:14: undefined: missing\n" +
		"/tmp/x/prog.go: the interpreter failed on this input: 11:14: ...\n" +
		" +0.000s  g1 main │ panic: boom\ngoroutine 1 [running]:\nmain.main(...)\n\t/tmp/x/prog.go:9:2\n"
	repl := "#1:7:14: undefined: missing\n" +
		"#1: the interpreter failed on this input: 11:14: ...\n" +
		" +0.000s  g1 main │ panic: boom\ngoroutine 1 [running]:\nmain.main(...)\n\t#1:9:2\n"
	got, want := unnamed(repl, "#1"), unnamed(run, "/tmp/x/prog.go")
	if !strings.Contains(want, "\tINPUT:9:2") || !strings.HasPrefix(want, "INPUT:7:14: undefined") ||
		!strings.Contains(want, "\nINPUT: the interpreter failed") {
		t.Errorf("positions of concur run not unnamed:\n%s", want)
	}
	if got != want {
		t.Errorf("unnamed REPL output\n%s\ndiffers from unnamed run output\n%s", got, want)
	}
	// A program's own text is not a position: it stays as printed.
	for _, s := range []string{" +0.000s  g1 main │ /tmp/x/prog.go:3:1\n", "it says /tmp/x/prog.go:3:1\n"} {
		if u := unnamed(s, "/tmp/x/prog.go"); u != s {
			t.Errorf("a program's line %q became %q", s, u)
		}
	}
	// Another input's positions are not the program's.
	if s := unnamed("#2:1:1: undefined: x\n", "#1"); s != "#2:1:1: undefined: x\n" {
		t.Errorf("#2 was unnamed as #1: %q", s)
	}
}

func TestLogPlaces(t *testing.T) {
	run := " +0.000s  g1 main │ log.go:16: on stdout\n" +
		" +0.000s  g1 main │ app: /tmp/x/log.go:15: prefix first\n" +
		"log.go:14: where am I\n"
	repl := " +0.000s  g1 main │ #1:16: on stdout\n" +
		" +0.000s  g1 main │ app: #1:15: prefix first\n" +
		"#1:14: where am I\n"
	got, want := logPlaces(repl, "#1"), logPlaces(run, "/tmp/x/log.go")
	if !strings.Contains(want, "│ INPUT:16: on stdout") || !strings.Contains(want, "app: INPUT:15:") || !strings.HasSuffix(want, "\nINPUT:14: where am I\n") {
		t.Errorf("log places of concur run not unnamed:\n%s", want)
	}
	if got != want {
		t.Errorf("unnamed REPL output\n%s\ndiffers from unnamed run output\n%s", got, want)
	}
	// A line number elsewhere, or another file's, stays.
	for _, s := range []string{"xlog.go:3: y\n", "other.go:3: y\n", "log.go:3 y\n", "#12:3: y\n"} {
		if u := logPlaces(s, "/tmp/x/log.go"); u != s {
			t.Errorf("%q became %q", s, u)
		}
		if u := logPlaces(s, "#1"); u != s {
			t.Errorf("%q became %q for the REPL", s, u)
		}
	}
}
