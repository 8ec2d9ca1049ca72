package rewrite_test

import "testing"

// A const group with several names a spec, repeated implicitly or using
// iota, which the interpreter refuses (constant definition loop), runs with
// its values written out, keeping each constant's type and kind.
func TestConstGroupsWithSeveralNamesASpec(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import "fmt"

type weekday int

func (d weekday) next() weekday { return d + 1 }

const (
	a, b = iota, iota * 10
	c, d
)

const (
	x, y weekday = iota, iota + 7 // a comment
	z, _
	_, w
)

func main() {
	const (
		e, f = iota + 'a', iota * 1.5
		g, h
		_, i = iota, 1.0 / 3
		j, k = "s", true
	)
	fmt.Println(a, b, c, d, x, y, z, w, e, f, g, h, i, j, k)
	fmt.Printf("%T %T %T %T %T %T %v\n", c, e, f, g, h, i, i*3 == 1)
	fmt.Println(z.next(), w.next()) // typed weekday still
}
`)
}

// A method expression T.m is the function Go defines: the receiver is its
// first parameter; with pointer receivers, variadic methods, interfaces and
// results or none.
func TestMethodExpressions(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"fmt"
	"strings"
)

type counter struct{ n int }

func (c *counter) inc()                    { c.n++ }
func (c counter) add(k int) int            { return c.n + k }
func (c counter) sum(ks ...int) (int, int) { t := c.n; for _, k := range ks { t += k }; return t, len(ks) }

func main() {
	add := counter.add
	fmt.Println(add(counter{n: 5}, 3), counter.add(counter{n: 1}, 1))
	c := &counter{}
	pinc := (*counter).inc
	pinc(c)
	pinc(c)
	get := (*counter).add
	fmt.Println(c.n, get(c, 10))
	sum := counter.sum
	fmt.Println(sum(counter{n: 1}, 2, 3))
	fmt.Println(sum(counter{n: 1}, []int{4, 5, 6}...))
	str := fmt.Stringer.String
	var b strings.Builder
	b.WriteString("built")
	fmt.Println(str(&b))
}
`)
}

// A call of a builtin among the values of a return or an assignment with
// several gives its value where it belongs (the interpreter alone returns
// 1, 1 for return 1, len(ks), and panics for append and new).
func TestBuiltinCallsAmongSeveralValues(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import "fmt"

func a(ks []int) (int, int)         { return 1, len(ks) }
func b(ks []int) (int, []int)       { return 1, append(ks, 4) }
func c(ks []int) (int, int, int)    { return cap(ks), 2, copy(ks, []int{9}) }
func d() (int, *int)                { return 1, new(int) }
func e(x complex128) (int, float64) { return 1, imag(x) }
func f(ks []int) (n, m int)         { n, m = 1, len(ks); return }

func main() {
	ks := []int{2, 3}
	fmt.Println(a(ks))
	fmt.Println(b(ks))
	fmt.Println(c(ks))
	x, p := d()
	fmt.Println(x, *p)
	fmt.Println(e(2 + 3i))
	fmt.Println(f(ks))
	var u, v int
	u, v = 1, len(ks)
	fmt.Println(u, v, min(u, v), max(len(ks), 0))
}
`)
}

// fmt calls the String and Error methods of the elements of slices, arrays
// and maps' values of the program's types, and of a generic type's values,
// with the verbs that call them (%v, %s, %q, %x), not with %d.
func TestFmtCallsMethodsOfElements(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
)

type color int

func (c color) String() string { return [...]string{"red", "green", "blue"}[c] }

type bad struct{ code int }

func (b *bad) Error() string { return fmt.Sprint("bad ", b.code) }

type P[K any, V any] struct {
	k K
	v V
}

func (p P[K, V]) String() string { return fmt.Sprint(p.k, "=", p.v) }

func main() {
	cs := []color{1, 0, 2}
	fmt.Println(cs, [2]color{2, 1}, len(cs))
	fmt.Printf("%v|%s|%d|%x|%q\n", cs, cs, cs, cs, cs)
	m := map[string]color{"a": 1, "b": 2}
	fmt.Println(m)
	fmt.Printf("%v %d\n", m, m)
	var nilS []color
	var nilM map[string]color
	fmt.Println(nilS, nilM)
	es := []*bad{{1}, {2}}
	fmt.Println(es, errors.New("x"))
	s := fmt.Sprint(cs, "!", P[string, int]{"a", 1})
	fmt.Println(s)
	fmt.Printf("%v %+v\n", P[int, int]{1, 2}, P[int, int]{1, 2})
	fmt.Println([]P[string, int]{{"x", 1}, {"y", 2}})
}
`)
}

// A type switch's case that names an interface with methods takes the
// values of library types that implement it, in source order, with the
// symbol of the case's type (the program's struct types are refused).
func TestTypeSwitchInterfaceCases(t *testing.T) {
	t.Parallel()
	sameAsGo(t, `package main

import (
	"errors"
	"fmt"
	"strings"
)

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("integer ", x)
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func main() {
	b := &strings.Builder{}
	b.WriteString("built")
	for _, v := range []any{nil, 3, int64(4), errors.New("bad"), fmt.Errorf("w %w", errors.New("x")), b, 2.5} {
		fmt.Println(describe(v))
	}
	var e any = errors.New("e")
	switch e.(type) {
	case fmt.Stringer, error:
		fmt.Println("one of them")
	}
}
`)
}
