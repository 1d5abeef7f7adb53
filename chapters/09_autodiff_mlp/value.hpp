// value.hpp: backpropagation on scalars, the whole idea in one small class (after micrograd).
//
// A Value is a node of a computation graph: its number (data), ∂L/∂(this node) (grad), the
// nodes it was computed from, and a rule that pushes its grad back to them. backward() sorts
// the graph so that every node comes after its inputs (a depth-first topological order), then
// runs the rules from the loss down. common/autodiff/tape.hpp does the same on tensors, but gets
// the order for free: it records nodes in the order they are computed.
// Notation: for a node z, z̄ = ∂L/∂z; every rule adds (+=) because a node used twice receives a
// contribution along each path (the multivariate chain rule sums over paths).
#pragma once

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace ch09 {

struct Node {
    double data = 0, grad = 0;
    std::string label, op;                    // for the printed table: name and how it was made
    std::vector<std::shared_ptr<Node>> prev;  // inputs, kept alive by their outputs
    std::function<void()> backward;           // pushes grad to prev's grads
};

struct Value {
    std::shared_ptr<Node> n;
    explicit Value(double data, std::string label = "") : n(std::make_shared<Node>()) {
        n->data = data;
        n->label = std::move(label);
    }
    double data() const { return n->data; }
    double grad() const { return n->grad; }
};

// Gives a node the name the printed table shows.
inline Value named(Value v, std::string label) {
    v.n->label = std::move(label);
    return v;
}

// A new node computed from `inputs`; `rule` gets the output and pushes its grad back.
inline Value make(double data, const char* op, const std::vector<Value>& inputs,
                  const std::function<void(Node& out)>& rule) {
    Value v(data);
    v.n->op = op;
    for (const Value& in : inputs) v.n->prev.push_back(in.n);
    Node* out = v.n.get();  // a raw pointer: the node must not own itself
    v.n->backward = [out, rule] { rule(*out); };
    return v;
}

// The operations: forward value, then the local derivative times the output's gradient.
// l and r are the left and right operand, o the output node.
inline Value operator+(const Value& l, const Value& r) {  // ∂(l+r)/∂l = ∂(l+r)/∂r = 1
    Node *pl = l.n.get(), *pr = r.n.get();
    return make(l.data() + r.data(), "+", {l, r}, [pl, pr](Node& o) {
        pl->grad += o.grad;
        pr->grad += o.grad;
    });
}
inline Value operator-(const Value& l, const Value& r) {  // ∂(l−r)/∂l = 1, ∂(l−r)/∂r = −1
    Node *pl = l.n.get(), *pr = r.n.get();
    return make(l.data() - r.data(), "-", {l, r}, [pl, pr](Node& o) {
        pl->grad += o.grad;
        pr->grad -= o.grad;
    });
}
inline Value operator*(const Value& l, const Value& r) {  // ∂(lr)/∂l = r, ∂(lr)/∂r = l
    Node *pl = l.n.get(), *pr = r.n.get();
    return make(l.data() * r.data(), "*", {l, r}, [pl, pr](Node& o) {
        pl->grad += pr->data * o.grad;
        pr->grad += pl->data * o.grad;
    });
}
inline Value tanh(const Value& z) {  // tanh' = 1 − tanh², from the output we already have
    Node* pz = z.n.get();
    return make(std::tanh(z.data()), "tanh", {z},
                [pz](Node& o) { pz->grad += (1 - o.data * o.data) * o.grad; });
}
inline Value square(const Value& z) {  // (z²)' = 2z
    Node* pz = z.n.get();
    return make(z.data() * z.data(), "^2", {z},
                [pz](Node& o) { pz->grad += 2 * pz->data * o.grad; });
}

// Every node of the graph below `root`, each after all of its inputs (depth-first post-order).
inline std::vector<Node*> topological_order(const Value& root) {
    std::vector<Node*> order;
    std::unordered_set<Node*> seen;
    std::function<void(Node*)> visit = [&](Node* v) {
        if (!seen.insert(v).second) return;
        for (const auto& p : v->prev) visit(p.get());
        order.push_back(v);
    };
    visit(root.n.get());
    return order;
}

// L̄ = 1, then every rule from the loss down: a node's grad is complete before it is passed on,
// because everything that uses the node comes after it in the order.
inline void backward(const Value& loss) {
    const std::vector<Node*> order = topological_order(loss);
    for (Node* v : order) v->grad = 0;
    loss.n->grad = 1;
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if ((*it)->backward) (*it)->backward();
}

}  // namespace ch09
