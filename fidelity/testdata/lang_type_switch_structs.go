package main

import "fmt"

type failed struct{ why string }

func (f failed) Error() string { return "failed: " + f.why }

type plain struct{ n int }

type user struct{ n string }

func (u user) Name() string { return u.n }

func f(v any) string {
	switch v.(type) {
	case failed:
		return "failed"
	case plain:
		return "plain"
	case user:
		return "user"
	case *user:
		return "*user"
	}
	return "no"
}

func main() {
	x := failed{"x"}
	fmt.Println(f(failed{"x"}), f(x), f(plain{1}), f(user{"u"}), f(&user{"p"}))
	u := user{"v"}
	fmt.Println(f(u), f(&u))
	_, ok := any(x).(failed)
	fmt.Println(ok)
}
