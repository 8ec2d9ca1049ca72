package main

import (
	"log/slog"
	"os"
)

func main() {
	opts := &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}
	logger := slog.New(slog.NewTextHandler(os.Stdout, opts))
	logger.Info("started", "port", 8080, "debug", false)
	logger.Warn("slow", slog.Duration("took", 1500000000))
	logger.Debug("hidden")
	jl := slog.New(slog.NewJSONHandler(os.Stdout, opts)).With("svc", "api")
	jl.Error("failed", "err", "boom", slog.Group("req", "id", 7))
}
