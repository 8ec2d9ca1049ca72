package typecheck

import (
	"fmt"
	"testing"
)

// BenchmarkLongSession measures checking one input after n inputs that
// each declared a variable and a function.
func BenchmarkLongSession(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ts := &testSession{t: &testing.T{}, s: newTestSession()}
			for i := range n {
				ts.check(fmt.Sprintf("x%d := %d", i, i))
				ts.check(fmt.Sprintf("func f%d() int { return x%d * 2 }", i, i))
			}
			b.ResetTimer()
			for range b.N {
				ts.check(fmt.Sprintf("y := f%d()", n-1))
			}
		})
	}
}
