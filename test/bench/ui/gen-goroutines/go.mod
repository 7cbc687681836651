module leakline/bench/gengoroutines

go 1.26.0
