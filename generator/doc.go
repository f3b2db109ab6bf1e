// Package generator wires the pipeline stages together: Build runs load →
// validate → link → reports → assets → render → search → write, and Check
// runs the stages that find problems without writing anything.
//
// Each stage is its own package under generator/, takes the previous
// stage's typed value and returns the next one plus its diagnostics; no
// stage imports a later one.
package generator
