module leakline/test/synctestdump

go 1.25
