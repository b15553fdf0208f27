package ar

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Code is the stable, machine-readable class of an error; the UI and the
// command line switch on it, so a code's value never changes once released.
type Code string

// Error codes shared by every layer.
const (
	EInvalid      Code = "invalid"       // the input breaks a rule; Issues say which field and why
	ENotFound     Code = "not_found"     // the record does not exist (or not in this portfolio)
	EConflict     Code = "conflict"      // the change clashes with what is recorded (duplicate number, allocations exist)
	ELocked       Code = "locked"        // another Cartera holds the portfolio
	EReadOnly     Code = "read_only"     // the portfolio's file or folder cannot be written
	EDiskFull     Code = "disk_full"     // the disk ran out of space; nothing was saved
	ENewerVersion Code = "newer_version" // the file was written by a newer Cartera
	ENotPortfolio Code = "not_portfolio" // the file is not a Cartera portfolio
	ENoPortfolio  Code = "no_portfolio"  // no portfolio is open
	ECanceled     Code = "canceled"      // the user cancelled a long task; nothing was written
	EInternal     Code = "internal"      // a bug or an unexpected failure of the machine
)

// Issue is one problem with one field, described by a message key and its
// parameters so that each front end can say it in the user's language.
type Issue struct {
	Field  string            `json:"field"`
	Key    string            `json:"key"`
	Params map[string]string `json:"params,omitempty"`
}

// Error is the error type of the domain: a code, the issues found, and the
// underlying cause for logs.
type Error struct {
	Code   Code
	Issues []Issue
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	for _, is := range e.Issues {
		b.WriteString(": ")
		if is.Field != "" {
			b.WriteString(is.Field + " ")
		}
		b.WriteString(is.Key)
		if len(is.Params) > 0 {
			keys := make([]string, 0, len(is.Params))
			for k := range is.Params {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(&b, " %s=%q", k, is.Params[k])
			}
		}
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an error of one issue; kv are parameter name/value pairs.
func Errorf(code Code, field, key string, kv ...string) *Error {
	return &Error{Code: code, Issues: []Issue{NewIssue(field, key, kv...)}}
}

// Wrap builds an error of one issue around a cause.
func Wrap(code Code, err error, key string, kv ...string) *Error {
	return &Error{Code: code, Issues: []Issue{NewIssue("", key, kv...)}, Err: err}
}

// NewIssue builds an Issue from parameter name/value pairs.
func NewIssue(field, key string, kv ...string) Issue {
	is := Issue{Field: field, Key: key}
	if len(kv) > 0 {
		is.Params = make(map[string]string, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			is.Params[kv[i]] = kv[i+1]
		}
	}
	return is
}

// ErrorCode returns the code of err, EInternal for foreign errors and "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// Issues collects the problems of a form so that all of them are reported at once.
type Issues []Issue

// Add records one problem.
func (is *Issues) Add(field, key string, kv ...string) {
	*is = append(*is, NewIssue(field, key, kv...))
}

// Err returns an EInvalid error with every issue, or nil when there are none.
func (is Issues) Err() error {
	if len(is) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Issues: is}
}
