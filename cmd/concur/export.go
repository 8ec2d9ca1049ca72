package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/concur-dev/concur/repl"
	"github.com/concur-dev/concur/session"
)

// runExport is `concur export FILE --format md|cast|html [-o OUT]`: a
// recorded session as Markdown, as an asciicast v2 recording or as one
// self-contained HTML page. It never runs the session's code.
func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("concur export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "`md` (Markdown), cast (asciicast v2, for asciinema) or html (one self-contained page)")
	outPath := fs.String("o", "", "write to this `file` (default: standard output)")
	var idle idleFlag
	idle.register(fs)
	langFlag := fs.String("lang", "", "language of concur's messages: en or zh (default from $LANG)")
	lang := argsLang(args)
	setUsage(fs, lang, stderr, func() {
		fmt.Fprintf(stderr, "Usage: concur export FILE --format md|cast|html [-o OUT]\n\nWrites a recorded session as Markdown (inputs, their output and\ntimelines), as an asciicast v2 recording that asciinema plays, or as\none self-contained HTML page with SVG timelines and a Play button.\n\nFlags:\n")
		fs.PrintDefaults()
	})
	file, ok, code := oneFile(fs, args, lang, stderr)
	if !ok {
		return code
	}
	chosen, err := chooseLang(*langFlag)
	if err != nil {
		fmt.Fprintf(stderr, "concur export: %s\n", errText(lang, err))
		return 2
	}
	lang = chosen
	if *format != "md" && *format != "cast" && *format != "html" {
		fmt.Fprintf(stderr, "concur export: %s\n", errText(lang, choiceError{"format", *format, []string{"md", "cast", "html"}}))
		return 2
	}
	if *outPath != "" && *outPath != "-" && sameFile(*outPath, file) {
		fmt.Fprintf(stderr, "concur export: %s\n", repl.ExportOntoInput(lang, *outPath))
		return 2
	}
	s, ok := openSession("concur export", file, stderr)
	if !ok {
		return 1
	}
	var b []byte
	switch *format {
	case "md":
		b = exportMarkdown(s)
	case "html":
		var err error
		if b, err = exportHTML(s); err != nil {
			fmt.Fprintf(stderr, "concur export: %v\n", err)
			return 1
		}
	default:
		b = exportCast(s, time.Duration(idle))
	}
	if *outPath == "" || *outPath == "-" {
		if _, err := stdout.Write(b); err != nil {
			fmt.Fprintf(stderr, "concur export: %v\n", err)
			return 1
		}
		return 0
	}
	if err := os.WriteFile(*outPath, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "concur export: %v\n", err)
		return 1
	}
	return 0
}

// sameFile reports whether paths a and b name one file that exists (through
// links too).
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// exportMarkdown writes each input in a go block and what it printed —
// output, faults and timeline, without colour — in a plain block.
func exportMarkdown(s *session.Session) []byte {
	var b bytes.Buffer
	h := s.Header
	b.WriteString("# concur session\n\n")
	fmt.Fprintf(&b, "Recorded %s with concur %s (%s), %s clock.\n",
		h.Start.UTC().Format("2006-01-02 15:04 UTC"), h.Concur, h.Go, h.Clock)
	var carry repl.Carry
	for _, in := range s.Inputs {
		fmt.Fprintf(&b, "\n## Input %d\n\n", in.N)
		fenced(&b, "go", repl.VisibleLines(in.Src))
		var out bytes.Buffer
		p := repl.NewPrinter(&out, &out, false)
		p.Values = true
		p.Lang = h.Lang
		events := in.EngineEvents()
		for _, e := range events {
			p.Event(e)
		}
		p.Flush()
		drawn := withNames(&carry, in.Clock, events) // every run, to follow the goroutines
		if repl.TimelineNeeded(drawn) && runElapsed(events) > 0 {
			if out.Len() > 0 {
				out.WriteByte('\n')
			}
			out.WriteString(repl.DrawTimeline(drawn, repl.TimelineOptions{Width: max(h.Cols, 40), Lang: h.Lang}))
		}
		if out.Len() > 0 {
			b.WriteByte('\n')
			fenced(&b, "", strings.TrimSuffix(out.String(), "\n"))
		}
	}
	return b.Bytes()
}

// fenced writes text in a code block whose fence is longer than any run of
// backticks inside it.
func fenced(b *bytes.Buffer, lang, text string) {
	run, longest := 0, 0
	for _, c := range text {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	fmt.Fprintf(b, "%s%s\n%s\n%s\n", fence, lang, text, fence)
}

// exportCast writes the replay's screen as asciicast v2: a header line, then
// one [time, "o", text] line per frame, with CRLF line ends as a terminal
// shows them.
func exportCast(s *session.Session, idle time.Duration) []byte {
	var b bytes.Buffer
	h := s.Header
	cols, rows := h.Cols, h.Rows
	if cols <= 0 {
		cols = 80
	}
	if rows <= 0 {
		rows = 24
	}
	// The header's fields in the order asciinema writes them.
	fmt.Fprintf(&b, `{"version": 2, "width": %d, "height": %d, "timestamp": %d`, cols, rows, h.Start.Unix())
	if idle > 0 {
		fmt.Fprintf(&b, `, "idle_time_limit": %s`, strconv.FormatFloat(idle.Seconds(), 'f', -1, 64))
	}
	b.WriteString(`, "title": "concur session", "env": {"TERM": "xterm-256color"}}` + "\n")
	var text bytes.Buffer
	enc := json.NewEncoder(&text)
	enc.SetEscapeHTML(false)
	for _, f := range screenplay(s, screenOptions{color: true, timeline: true}) {
		screen := strings.ReplaceAll(f.out+f.err, "\n", "\r\n")
		if screen == "" {
			continue
		}
		text.Reset()
		enc.Encode(screen) // a string always encodes; it ends in a newline
		fmt.Fprintf(&b, "[%s, \"o\", %s", strconv.FormatFloat(f.at.Seconds(), 'f', 6, 64), bytes.TrimSuffix(text.Bytes(), []byte("\n")))
		b.WriteString("]\n")
	}
	return b.Bytes()
}
