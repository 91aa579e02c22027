// SPDX-License-Identifier: MIT

// The template of the generated package, as a module of its own so that go
// vet and go test can check it where it is (see template.go).
module goat.invalid/template

go 1.19
