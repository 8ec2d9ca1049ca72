package main

import (
	"errors"
	"fmt"
)

type celsius float64

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case celsius:
		return fmt.Sprintf("%.1f degrees", float64(x))
	case error:
		return "error " + x.Error()
	case []int:
		return fmt.Sprint("slice ", len(x))
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 3, int64(4), "héllo", celsius(21.5), errors.New("bad"), []int{1, 2}, 2.5, struct{}{}} {
		fmt.Println(describe(v))
	}
}
