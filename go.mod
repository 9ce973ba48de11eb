module actwiz

go 1.26.8
