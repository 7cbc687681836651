module leakline.dev/bench/gencompare

go 1.22
