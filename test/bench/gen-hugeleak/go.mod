module leakline/bench/genhugeleak

go 1.22
