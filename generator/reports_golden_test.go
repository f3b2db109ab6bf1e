package generator_test

// reportGoldenFiles are report pages and exports of testdata/site compared
// with testdata/golden (see TestReportGolden).
var reportGoldenFiles = []string{}
