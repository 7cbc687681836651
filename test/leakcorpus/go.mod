module leakcorpus

go 1.22
