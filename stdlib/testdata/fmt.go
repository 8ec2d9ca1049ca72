// fmt of values of types the program declares. TestFmtLikeGo runs it with
// go run and in the interpreter and compares the output.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"time"
)

type point struct{ x, y int }

type Exported struct {
	Name  string
	Count int
}

type inner struct {
	id   int
	tags []string
}

type outer struct {
	name  string
	in    inner
	ptr   *inner
	items map[string]int
	list  []inner
	when  time.Duration
	any   any
	err   error
}

type level int

func (l level) String() string { return [...]string{"low", "high"}[l] }

type money int64

func (m money) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "$%d.%02d", int64(m)/100, int64(m)%100)
}

type secret string

func (s secret) GoString() string { return "secret(...)" }

type embeds struct {
	point
	label string
}

func main() {
	p := point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	e := Exported{"a", 3}
	fmt.Printf("%v|%+v|%#v|%T\n", e, e, e, e)
	fmt.Printf("%v|%+v|%#v|%T\n", &p, &p, &e, &e)
	fmt.Printf("%T %T %T %T\n", []point{}, map[string]point{}, [2]*point{}, make(chan point))
	o := outer{name: "o", in: inner{1, []string{"a"}}, ptr: &inner{2, nil}, items: map[string]int{"z": 26, "a": 1},
		list: []inner{{3, []string{"b", "c"}}}, when: 1500 * time.Millisecond, any: point{5, 6}, err: errors.New("bad")}
	fmt.Printf("%+v\n", o.in)
	fmt.Printf("%#v\n", o.list)
	fmt.Printf("%+v %#v\n", o.items, o.items)
	o.ptr = nil
	o.err = nil
	fmt.Printf("%+v\n", o)
	fmt.Println(o, []outer{{when: 3}})
	o.err = errors.New("bad")
	s := fmt.Sprint(o)
	fmt.Println(s[:len("{o {1 [a]} <nil> map[a:1 z:26] [{3 [b c]}] 1500000000 {5 6} 0x")])
	fmt.Printf("%+v|%#v\n", embeds{point{7, 8}, "e"}, embeds{point{7, 8}, "e"})
	fmt.Printf("%5v|%-6v|%+03v\n", p, p, point{-1, 2})
	fmt.Printf("%[2]T %[1]v %v\n", p, e)
	fmt.Printf("%d %v %s %x %q\n", level(1), level(1), level(0), level(1), level(0))
	fmt.Printf("%v %d %#v\n", money(1234), money(5), secret("pw"))
	fmt.Printf("%v %+v\n", []any{p, 1, "s", nil}, map[point]string{{2, 1}: "b", {1, 9}: "a"})
	fmt.Printf("%v %d\n", p)
	fmt.Printf("%v\n", p, 3)
	fmt.Printf("%*v|%.1v|%!\n", 4, p, p)
	var np *point
	var ne *Exported
	fmt.Printf("%v %+v %#v %#v\n", np, np, np, ne)
	fmt.Printf("%#v %#v\n", []point(nil), map[string]*point(nil))
	fmt.Printf("%#v\n", struct {
		a point
		B []string
	}{point{1, 1}, nil})
	err := fmt.Errorf("at %+v: %w", p, os.ErrNotExist)
	fmt.Println(err, errors.Is(err, os.ErrNotExist), errors.Unwrap(err) == os.ErrNotExist)
	fmt.Println(string(fmt.Appendf(nil, "%+v", p)))
	fmt.Fprintf(os.Stdout, "%#v\n", p)
	log.SetFlags(0)
	log.SetOutput(os.Stdout)
	log.Printf("%+v %T", p, p)
	func() {
		type local struct{ n int }
		fmt.Printf("%#v\n", local{4})
	}()
}
