package model

import (
	"fmt"
	"strconv"
	"strings"

	"ismsgen/generator/diag"
)

// Unit is the unit of a review cycle or retention period.
type Unit string

// Units of a Cycle.
const (
	Days   Unit = "days"
	Months Unit = "months"
	Years  Unit = "years"
)

// Cycle is a period such as "12 months". The zero value means "none".
type Cycle struct {
	N    int
	Unit Unit
}

// ParseCycle parses "N days", "N months" or "N years" (singular, Chinese
// 天/个月/月/年 and surrounding spaces are accepted too: "6个月", "1 year").
func ParseCycle(s string) (Cycle, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(t[:i])
	if err != nil || n <= 0 || n > 1200 {
		return Cycle{}, diag.Msg("%q is not a period like \"12 months\", \"2 years\" or \"90 days\"", s)
	}
	switch strings.ToLower(strings.TrimSpace(t[i:])) {
	case "day", "days", "天", "日":
		return Cycle{n, Days}, nil
	case "month", "months", "个月", "月":
		return Cycle{n, Months}, nil
	case "year", "years", "年":
		return Cycle{n, Years}, nil
	}
	return Cycle{}, diag.Msg("%q is not a period like \"12 months\", \"2 years\" or \"90 days\"", s)
}

// IsZero reports whether no cycle is set.
func (c Cycle) IsZero() bool { return c.N == 0 }

// String formats the cycle as "N unit".
func (c Cycle) String() string {
	if c.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s", c.N, c.Unit)
}

// Text is the cycle as a message argument, said in the message's
// language: "12 months", "12 个月".
func (c Cycle) Text() diag.Text {
	switch {
	case c.N == 1 && c.Unit == Days:
		return diag.Msg("1 day")
	case c.N == 1 && c.Unit == Months:
		return diag.Msg("1 month")
	case c.N == 1 && c.Unit == Years:
		return diag.Msg("1 year")
	case c.Unit == Days:
		return diag.Msg("%d days", c.N)
	case c.Unit == Years:
		return diag.Msg("%d years", c.N)
	}
	return diag.Msg("%d months", c.N)
}

// AddTo returns d moved forward by the cycle.
func (c Cycle) AddTo(d Date) Date {
	switch c.Unit {
	case Days:
		return d.AddDays(c.N)
	case Years:
		return d.AddMonths(12 * c.N)
	default:
		return d.AddMonths(c.N)
	}
}
