// Benchmarks that print figures; see docs/PERFORMANCE.md.
print("calldojo-bench: no benchmarks yet")
