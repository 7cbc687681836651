module goprograms

go 1.19
