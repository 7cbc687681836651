package main

func runSuites(c *config) {}
