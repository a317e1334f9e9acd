// node --test: markEager's rewrites (compile-hints.mjs), on small texts shaped like TeaVM's output. Each rewritten
// text is run and must compute what the original does; positions are given the way V8's log gives them (an arrow's
// at its parameters, any other function's at its "(").
import assert from "node:assert/strict";
import { test } from "node:test";
import vm from "node:vm";
import { markEager } from "./compile-hints.mjs";

/** [start, end] of the function whose text begins with `from` (its n-th occurrence) and ends just before `to`. */
function at(text, from, to, { paren = false, nth = 0 } = {}) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(from, start + 1);
  assert.ok(start >= 0, `no ${from}`);
  const end = text.indexOf(to, start) + to.length;
  return [paren ? text.indexOf("(", start) : start, end];
}

/** Runs a script (strict, as a module is) and returns what it leaves in `out`. */
function run(text) {
  const context = { out: null };
  vm.runInNewContext(`"use strict";${text}`, context);
  return JSON.stringify(context.out);
}

test("arrows become parenthesised function expressions, block and expression bodies alike", () => {
  const text = "let a=(x,y)=>{return x+y;},b=z=>z*2,c=()=>({k:1});out=[a(1,2),b(4),c().k];";
  const { text: eager, eager: done, kept } = markEager(text, [at(text, "(x,y)", "}"), at(text, "z=>", "z*2"),
    at(text, "()=>", "({k:1})")]);
  assert.equal(eager, "let a=(function(x,y){return x+y;}),b=(function(z){return z*2;}),"
    + "c=(function(){return ({k:1});});out=[a(1,2),b(4),c().k];");
  assert.equal(done.length, 3);
  assert.equal(kept.length, 0);
  assert.equal(run(eager), run(text));
});

test("nested functions that end together close inside out", () => {
  const text = "let r={},f=t=>t.c=()=>{r.n=(r.n||0)+1;},o={};f(o);o.c();out=r.n;";
  const outer = at(text, "t=>", "+1;}");
  const inner = at(text, "()=>", "+1;}");
  const { text: eager } = markEager(text, [outer, inner]);
  assert.equal(eager, "let r={},f=(function(t){return t.c=(function(){r.n=(r.n||0)+1;});}),o={};f(o);o.c();out=r.n;");
  assert.equal(run(eager), run(text));
});

test("an arrow that means its own this, arguments or await stays an arrow", () => {
  const text = "let self={v:2,m(){return (()=>this.v)();}},g=(a)=>{return arguments;},h=async x=>await x;out=self.m();";
  const positions = [at(text, "()=>this", "this.v"), at(text, "(a)=>", "arguments;}"), at(text, "x=>", "await x")];
  const { text: eager, kept } = markEager(text, positions);
  assert.equal(eager, text);
  assert.equal(kept.length, 3);
});

test("a top-level declaration becomes a var holding the same function; one inside another function stays", () => {
  const text = "function C(a){this.a=a;}function outer(){function inner(){return 5;}return inner();}"
    + "let g=function(p){return p+1;};out=[new C(3).a,C.name,outer(),g(1)];";
  const inner = at(text, "function inner", "5;}", { paren: true });
  const script = [0, text.length]; // V8 lists the script itself too
  const positions = [at(text, "function C", "}", { paren: true }), at(text, "function outer", "inner();}", { paren: true }),
    inner, at(text, "function(p)", "+1;}", { paren: true }), script];
  const { text: eager, kept } = markEager(text, positions);
  assert.equal(eager, "var C=(function C(a){this.a=a;});var outer=(function outer(){function inner(){return 5;}"
    + "return inner();});let g=(function(p){return p+1;});out=[new C(3).a,C.name,outer(),g(1)];");
  assert.deepEqual(kept, [inner, script]);
  assert.equal(run(eager), run(text));
});

test("one function listed twice is refused, not wrapped twice", () => {
  const text = "let a=x=>x;out=a(1);";
  const arrow = at(text, "x=>", "=>x");
  assert.equal(markEager(text, [arrow]).text, "let a=(function(x){return x;});out=a(1);");
  assert.throws(() => markEager(text, [arrow, arrow]), /overlapping rewrites/);
});
