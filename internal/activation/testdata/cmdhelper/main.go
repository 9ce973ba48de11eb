// Command cmdhelper stands in for an activation program in the command
// driver's tests: each first argument is one behaviour of a real client.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	if len(os.Args) < 2 {
		os.Exit(64)
	}
	switch os.Args[1] {
	case "ok":
		fmt.Println("正在激活…")
		fmt.Println("激活成功")
	case "server-error":
		fmt.Println("在线激活失败，服务器错误，请联系客服")
		os.Exit(3)
	case "server-error-gbk":
		b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("在线激活失败，服务器错误，请联系客服\r\n"))
		os.Stdout.Write(b)
		os.Exit(3)
	case "invalid":
		fmt.Fprintln(os.Stderr, "错误：序列号无效")
		os.Exit(2)
	case "code":
		fmt.Printf("Activating...\nError: %s\n", os.Args[2])
		os.Exit(1)
	case "echo":
		fmt.Printf("使用序列号 %s 激活成功\n", os.Args[2])
	case "echo-as":
		// The serial as clients really print it: grouped, spaced,
		// full-width, lower case; on stdout and stderr.
		form := reform(os.Args[2], os.Args[3])
		fmt.Fprintf(os.Stderr, "正在用 %s 激活\n", form)
		fmt.Printf("使用序列号 %s 激活成功\n", form)
	case "odd":
		fmt.Println("step 1 done")
		fmt.Println("something odd happened")
		os.Exit(5)
	case "hang":
		// Start a child that hangs too, tell the test its pid, then hang.
		child := exec.Command(os.Args[0], "sleep")
		if err := child.Start(); err != nil {
			os.Exit(70)
		}
		os.WriteFile(os.Args[2], []byte(fmt.Sprint(child.Process.Pid)), 0o644)
		time.Sleep(time.Hour)
	case "say":
		// say CODE LINE…: print the lines, exit with CODE.
		for _, l := range os.Args[3:] {
			fmt.Println(l)
		}
		code, _ := strconv.Atoi(os.Args[2])
		os.Exit(code)
	case "sleep":
		time.Sleep(time.Hour)
	}
}

// reform writes a 13-character serial (AA02210025590) in one of the forms
// activation programs print.
func reform(how, s string) string {
	switch how {
	case "dashes":
		return s[:2] + "-" + s[2:6] + "-" + s[6:]
	case "spaces":
		return s[:2] + " " + s[2:6] + " " + s[6:]
	case "each":
		return strings.Join(strings.Split(s, ""), " ")
	case "fullwidth":
		var b strings.Builder
		for i, r := range s {
			if i == 6 {
				b.WriteRune('\u3000') // the ideographic space
			}
			b.WriteRune(r + 0xFF01 - 0x21)
		}
		return b.String()
	case "lower":
		return strings.ToLower(s[:2]) + "\u2013" + s[2:] // and an en dash
	}
	return s
}
