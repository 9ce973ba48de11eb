module actwiz

go 1.26.8

require (
	github.com/go-ole/go-ole v1.3.0
	github.com/yusufpapurcu/wmi v1.2.4
	golang.org/x/sys v0.50.0
)
