module leakline/test/labelprof

go 1.22
