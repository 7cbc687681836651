module leakline/bench/gentrace

go 1.22
