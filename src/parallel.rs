//! Independent files on separate cores: each workbook is read, or written, on its
//! own thread, the heaviest first, and the results come back in input order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Lets go of `value` on another thread: handing hundreds of thousands of cells
/// back to the allocator takes a while, and the caller has no need to wait.
pub fn discard<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// `f` over every item, on up to as many threads as the machine has cores.
/// `weight` orders the work (heaviest first, so one large file does not start last);
/// `started` is told, on the calling thread, which item each worker takes up.
pub fn map<T, R>(
    items: &[T],
    weight: impl Fn(&T) -> u64,
    started: &mut dyn FnMut(&T),
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    if threads <= 1 {
        return items
            .iter()
            .map(|item| {
                started(item);
                f(item)
            })
            .collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight(&items[i])));
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Option<R>)>();
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (order, next, f) = (&order, &next, &f);
            scope.spawn(move || {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    // A closed channel means the caller is gone: nothing left to do.
                    if tx.send((i, None)).is_err() || tx.send((i, Some(f(&items[i])))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            match result {
                None => started(&items[i]),
                Some(r) => results[i] = Some(r),
            }
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every item is done when all workers have ended"))
        .collect()
}

/// [`map`] over items `f` takes by value.
pub fn map_owned<T, R>(
    items: Vec<T>,
    weight: impl Fn(&T) -> u64,
    f: impl Fn(T) -> R + Sync,
) -> Vec<R>
where
    T: Send,
    R: Send,
{
    // Each item is taken exactly once, by the worker that takes up its index.
    let items: Vec<std::sync::Mutex<Option<T>>> = items
        .into_iter()
        .map(|t| std::sync::Mutex::new(Some(t)))
        .collect();
    let take = |item: &std::sync::Mutex<Option<T>>| {
        item.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    let weight = |item: &std::sync::Mutex<Option<T>>| {
        item.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
            .map_or(0, &weight)
    };
    map(&items, weight, &mut |_| {}, |item| {
        f(take(item).expect("every item is taken once"))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_input_order_and_every_item_is_announced() {
        let items: Vec<u64> = (0..25).collect();
        let mut seen = Vec::new();
        let out = super::map(&items, |&n| n % 7, &mut |&n| seen.push(n), |&n| n * n);
        assert_eq!(out, items.iter().map(|n| n * n).collect::<Vec<_>>());
        seen.sort();
        assert_eq!(seen, items);
    }

    #[test]
    fn owned_items_are_each_taken_once_in_input_order() {
        let items: Vec<String> = (0..25).map(|n| "x".repeat(n % 7)).collect();
        let out = super::map_owned(items.clone(), |s| s.len() as u64, |s| s + "!");
        assert_eq!(
            out,
            items.iter().map(|s| format!("{s}!")).collect::<Vec<_>>()
        );
    }
}
