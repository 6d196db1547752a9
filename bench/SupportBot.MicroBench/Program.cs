using BenchmarkDotNet.Running;

// Pick benchmarks on the command line, e.g. `--filter *Recognizer* --job short`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
