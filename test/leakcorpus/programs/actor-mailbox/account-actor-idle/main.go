// Healthy: each bank account is an actor — one goroutine owning the balance, receiving
// messages from its mailbox. After a burst of deposits the mailboxes are empty and the actors
// wait for mail; the bank (owner, alive) still holds their addresses. Stop (release) closes
// every mailbox.
package main

import (
	"leakcorpus/internal/lab"
)

type msg struct {
	amount int
	reply  chan int
}

type account struct {
	mailbox chan msg
	balance int
}

func spawnAccount() *account {
	a := &account{mailbox: make(chan msg, 8)}
	go a.receive()
	return a
}

func (a *account) receive() {
	for m := range a.mailbox {
		a.balance += m.amount
		if m.reply != nil {
			m.reply <- a.balance
		}
	}
}

type bank struct{ accounts map[string]*account }

func (b *bank) Stop() {
	for _, a := range b.accounts {
		close(a.mailbox)
	}
}

func main() {
	b := &bank{accounts: map[string]*account{}}
	lab.Main(lab.Program{
		Run: func(l *lab.L) {
			for _, n := range []string{"alice", "bob", "carol"} {
				b.accounts[n] = spawnAccount()
			}
			reply := make(chan int)
			for i := 0; i < 5; i++ {
				for _, a := range b.accounts {
					a.mailbox <- msg{amount: 10}
				}
			}
			b.accounts["bob"].mailbox <- msg{reply: reply}
			<-reply
			l.WaitParked("main.(*account).receive", 3)
		},
		Release: func() { b.Stop() },
		Expect:  []lab.Expect{{StartFunc: "main.(*account).receive", Healthy: 3}},
	})
}
