module leakline/bench/goprof

go 1.22
