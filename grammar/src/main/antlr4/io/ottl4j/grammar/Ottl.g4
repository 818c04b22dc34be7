/*
 * OTTL (OpenTelemetry Transformation Language), as specified in ../shared/spec/ottl-spec.md §1-§2.
 *
 * No actions and no predicates: the generated code (package io.ottl4j.grammar.internal, set in the pom)
 * only builds a parse tree. Everything the upstream PEG parser decides by ordered choice or negative
 * look-ahead and that a context-free grammar cannot say is checked afterwards, with a dedicated
 * diagnostic, by io.ottl4j.grammar.internal.AstBuilder:
 *   - a value whose first token is `nil` must be exactly `nil` (upstream commits to the nil literal);
 *   - an index `[ ... ]` that starts with an integer literal must be only that integer;
 *   - a condition made of a single value must be `true`, `false` or a converter call;
 *   - editor/converter naming, editor indexing, named-argument order (§2.4).
 * One deliberate difference: list elements need commas (see `value`).
 *
 * Lexer: upstream tries its rules in order and takes the first that matches; ANTLR takes the longest
 * match and breaks ties by rule order. The rules below are ordered so that both agree on every input
 * (LexerEquivalenceTest); the one case they cannot agree on by themselves, a keyword glued to an
 * uppercase run (`notX`, where upstream's \b fails and it lexes Lowercase(not) Uppercase(X)), gets its
 * own token KEYWORD_CASE_JOIN, which io.ottl4j.grammar.internal.CaseSplittingLexer splits back into
 * those two tokens. Upstream matches each rule on the rest of the input, so a leading \b always holds:
 * `Xor` is Uppercase(X) OpOr, as here. Additions for lambdas (post-baseline): `=>` is one token (ARROW;
 * upstream's baseline reads `=` `>`) and `_` is a token (a lexer error upstream).
 */
grammar Ottl;

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

statementEntry : invocation (WHERE boolExpr)? EOF ;
conditionEntry : boolExpr EOF ;
valueEntry     : value EOF ;

// An editor call; a converter here is accepted and then rejected with a clear message (§2.4).
invocation : call ;

// ---------------------------------------------------------------------------------------------
// Boolean expressions: or < and < not < primary
// ---------------------------------------------------------------------------------------------

boolExpr : andExpr (OR andExpr)* ;
andExpr  : boolTerm (AND boolTerm)* ;
boolTerm : NOT? boolPrimary ;

// Upstream tries comparison, then `true`/`false`/converter, then a parenthesised expression. The
// second alternative covers the first two; a lone value that is not a boolean literal or a converter
// is rejected afterwards ("not a condition"), which gives a far better message than a parse error.
boolPrimary
    : LPAREN boolExpr RPAREN         # parenCondition
    | value (compareOp value)?       # valueCondition
    ;

compareOp : EQ | NE | LT | LE | GT | GE ;

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

// `nil` is a LOWERCASE-like token here: as a whole value it is the nil literal, elsewhere (a key,
// a later math operand) upstream reads it as a path segment. See the header.
value
    : mathExpr                                    # mathValue
    | BYTES                                       # bytesValue
    | STRING                                      # stringValue
    | BOOLEAN                                     # booleanValue
    | UPPERCASE                                   # enumValue
    | LBRACE (mapEntry COMMA?)* RBRACE            # mapValue
    | LBRACK value? (COMMA value)* RBRACK         # listValue
    ;

// Upstream: commas between map entries are optional and a trailing one is allowed (reproduced).
// Upstream's list production also takes elements without commas before the first comma (`[1 2]`,
// spec §2.2 "do not rely on it"); that one is NOT reproduced: it makes every value ambiguous with
// the next (`[a [1]]`, `[a b(1)]`), which costs long look-ahead everywhere and wrecks error messages.
// A missing comma in a list is reported as such (OTTL-E023). A leading comma (`[, 1]`) is kept.
mapEntry : STRING COLON value ;

// Left-associative; `*` and `/` bind tighter than `+` and `-`. A single operand is just that operand.
mathExpr    : mulExpr (addOp mulExpr)* ;
mulExpr     : mathOperand (mulOp mathOperand)* ;
mathOperand
    : call                           # callOperand
    | FLOAT                          # floatOperand
    | INT                            # intOperand
    | path                           # pathOperand
    | LPAREN mathExpr RPAREN         # parenOperand
    ;
addOp : PLUS | MINUS ;
mulOp : STAR | SLASH ;

// ---------------------------------------------------------------------------------------------
// Calls and arguments
// ---------------------------------------------------------------------------------------------

// Function names are reassembled from consecutive case tokens (`IsMatch` = I s M atch). Editor or
// converter is decided by the first letter, after parsing.
call : name LPAREN (argument (COMMA argument)*)? RPAREN key* ;
name : (UPPERCASE | lower)+ ;

argument : (argName EQUAL)? argValue ;
argName  : lower (UPPERCASE | lower)* ;

// A bare all-caps name is an enum symbol (a value); a bare mixed-case converter name is a function
// reference. A lambda is only allowed as an argument (post-baseline, §2.6).
argValue
    : lambda                                       # lambdaArg
    | value                                        # valueArg
    | UPPERCASE lower (UPPERCASE | lower)*         # functionRefArg
    ;

// The body is parsed as a condition; a body that is a plain value becomes a value in the tree.
lambda      : LPAREN (lambdaParam (COMMA lambdaParam)*)? RPAREN ARROW boolExpr ;
lambdaParam : LOWERCASE | UNDERSCORE ;

// ---------------------------------------------------------------------------------------------
// Paths and keys
// ---------------------------------------------------------------------------------------------

// Every segment is kept; whether the first one names a context is decided by the binder.
path  : field (DOT field)* ;
field : lower key* ;

// A string, an integer, or an expression evaluated at run time (path, converter, arithmetic, ...).
key : LBRACK (STRING | mathExpr) RBRACK ;

// Upstream has no `nil`/`where` tokens: they are ordinary lowercase words matched by their text.
lower : LOWERCASE | NIL | WHERE ;

// ---------------------------------------------------------------------------------------------
// Lexer (order matters; see the header)
// ---------------------------------------------------------------------------------------------

BYTES   : '0x' [a-fA-F0-9]+ ;
// A sign belongs to the number: `-1` is one token and `3-1` is two numbers (a parse error).
FLOAT   : [-+]? [0-9]* '.' [0-9]+ ( [eE] [-+]? [0-9]+ )? ;
INT     : [-+]? [0-9]+ ;
// Escapes are checked when the literal is decoded, with Go's rules (§1.3).
STRING  : '"' ( '\\' ~[\n] | ~[\\"] )* '"' ;

KEYWORD_CASE_JOIN : ( 'not' | 'or' | 'and' | 'true' | 'false' ) [A-Z] [A-Z0-9_]* ;
NOT     : 'not' ;
OR      : 'or' ;
AND     : 'and' ;
BOOLEAN : 'true' | 'false' ;
NIL     : 'nil' ;
WHERE   : 'where' ;

EQ : '==' ;
NE : '!=' ;
GE : '>=' ;
LE : '<=' ;
GT : '>' ;
LT : '<' ;
// Upstream lexes `=>` as `=` `>`; one token keeps `a => b` out of comparisons and lambdas exact.
ARROW : '=>' ;
EQUAL : '=' ;

PLUS  : '+' ;
MINUS : '-' ;
STAR  : '*' ;
SLASH : '/' ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
LBRACK : '[' ;
RBRACK : ']' ;
COLON  : ':' ;
COMMA  : ',' ;
DOT    : '.' ;

UPPERCASE  : [A-Z] [A-Z0-9_]* ;
LOWERCASE  : [a-z] [a-z0-9_]* ;
// Only meaningful as an ignored lambda parameter (post-baseline).
UNDERSCORE : '_' ;

// Go's \s: no vertical tab, no Unicode spaces.
WS : [ \t\n\f\r]+ -> skip ;

// Error tokens: the lexer never fails; these are reported with a precise message and the parser's
// own complaint about them is dropped.
UNTERMINATED_STRING : '"' ( '\\' ~[\n] | ~[\\"] )* ;
SINGLE_QUOTED       : '\'' ( '\\' ~[\n] | ~['\\\n] )* '\''? ;
ERROR_CHAR          : . ;
