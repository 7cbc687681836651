module leakline.test/bigtrace

go 1.22
