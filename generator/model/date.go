package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"ismsgen/generator/diag"
)

// Date is a calendar date without a time zone. The zero value means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses "YYYY-MM-DD" and rejects dates that do not exist
// (2025-02-30) as well as any other layout.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, diag.Msg("%q is not a date in the form YYYY-MM-DD", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:7])
	d, err3 := strconv.Atoi(s[8:])
	if err1 != nil || err2 != nil || err3 != nil || strings.ContainsAny(s, "+ ") {
		return Date{}, diag.Msg("%q is not a date in the form YYYY-MM-DD", s)
	}
	return MakeDate(y, m, d)
}

// MakeDate checks that y-m-d exists and returns it as a Date.
func MakeDate(y, m, d int) (Date, error) {
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, diag.Msg("%04d-%02d-%02d is not a real date", y, m, d)
	}
	return Date{y, time.Month(m), d}, nil
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats the date as YYYY-MM-DD, or "" when absent.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendISO(make([]byte, 0, 10)))
}

// AppendISO appends the date as YYYY-MM-DD, as String writes it, but
// the zero date too ("0000-00-00"). Pages, reports and exports write
// tens of thousands of dates: digits are appended without fmt.
func (d Date) AppendISO(b []byte) []byte {
	if d.Year < 0 || d.Year > 9999 || d.Month < 0 || d.Month > 99 || d.Day < 0 || d.Day > 99 {
		return fmt.Appendf(b, "%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	y, m := d.Year, int(d.Month)
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+d.Day/10), byte('0'+d.Day%10))
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return sign(d.Year - o.Year)
	case d.Month != o.Month:
		return sign(int(d.Month - o.Month))
	default:
		return sign(d.Day - o.Day)
	}
}

// DaysUntil is the signed number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int {
	return int(o.Time().Sub(d.Time()).Hours() / 24)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the date n months later, clamped to the last day of the
// target month: 2024-01-31 + 1 month = 2024-02-29.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	return Date{y, m, min(d.Day, daysIn(y, m))}
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}
