//go:build race

package cli

// raceBuild is true when the tests run under the race detector, which makes
// everything several times slower: the large-file tests use fewer rows.
const raceBuild = true
