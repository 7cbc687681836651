package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/google/pprof/profile"
)

type valueType struct {
	Type string `json:"type"`
	Unit string `json:"unit"`
}

type profileOut struct {
	SampleTypes       []valueType `json:"sampleTypes"`
	DefaultSampleType string      `json:"defaultSampleType"`
	PeriodType        *valueType  `json:"periodType"`
	Period            int64       `json:"period"`
	TimeNanos         string      `json:"timeNanos"`
	DurationNanos     int64       `json:"durationNanos"`
	Samples           []sample    `json:"samples"`
}

type sample struct {
	Values    []int64             `json:"values"`
	Stack     []string            `json:"stack"`
	Labels    map[string][]string `json:"labels"`
	NumLabels map[string][]int64  `json:"numLabels"`
}

func readProfile(r io.Reader) (*profileOut, error) {
	p, err := profile.Parse(r)
	if err != nil {
		return nil, err
	}
	out := &profileOut{
		SampleTypes:       []valueType{},
		DefaultSampleType: p.DefaultSampleType,
		Period:            p.Period,
		TimeNanos:         strconv.FormatInt(p.TimeNanos, 10),
		DurationNanos:     p.DurationNanos,
		Samples:           []sample{},
	}
	for _, st := range p.SampleType {
		out.SampleTypes = append(out.SampleTypes, valueType{st.Type, st.Unit})
	}
	if p.PeriodType != nil {
		out.PeriodType = &valueType{p.PeriodType.Type, p.PeriodType.Unit}
	}
	for _, s := range p.Sample {
		o := sample{Values: s.Value, Stack: []string{}, Labels: map[string][]string{}, NumLabels: map[string][]int64{}}
		if o.Values == nil {
			o.Values = []int64{}
		}
		for _, loc := range s.Location {
			if len(loc.Line) == 0 {
				o.Stack = append(o.Stack, fmt.Sprintf("0x%x", loc.Address))
				continue
			}
			for _, ln := range loc.Line { // pprof order: innermost inlined function first
				name := ""
				file := ""
				if ln.Function != nil {
					name, file = ln.Function.Name, ln.Function.Filename
				}
				o.Stack = append(o.Stack, name+" "+file+":"+strconv.FormatInt(ln.Line, 10))
			}
		}
		for k, v := range s.Label {
			o.Labels[k] = v
		}
		for k, v := range s.NumLabel {
			o.NumLabels[k] = v
		}
		out.Samples = append(out.Samples, o)
	}
	return out, nil
}
